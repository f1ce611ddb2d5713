package dev.statwall.sampling;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class SamplingConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(Properties.class, SamplingConfiguration.class);

	@Test
	void whenLoopbackIsIncludedInConfigurationThenTheProbeCountsItInTheTotal() throws Exception {
		this.runner.withPropertyValues("statwall.sampling.network.include-in-total=lo").run((context) -> {
			SystemProbe probe = context.getBean(SystemProbe.class);
			assertThat(probe.metrics()).extracting(Metric::name).contains("cpu.usage", "memory.usage", "net.lo.rx");
			probe.read();
			try (java.net.ServerSocket server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
					java.net.Socket client = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), server.getLocalPort());
					java.net.Socket accepted = server.accept()) {
				client.getOutputStream().write(new byte[1 << 20]);
				accepted.getInputStream().readNBytes(1 << 20);
			}
			Reading reading = probe.read();
			assertThat(reading.value("net.rx")).isGreaterThanOrEqualTo(reading.value("net.lo.rx")).isPositive();
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ SamplingProperties.class, NetworkProperties.class, FileSystemProperties.class,
			ProcessProperties.class, DiscoveryProperties.class })
	static class Properties {

	}

}
