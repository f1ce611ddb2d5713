package dev.statwall.sampling;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class SamplingPropertiesBindingTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesConfiguration.class);

	@Test
	void whenNothingIsSetThenDefaultsApply() {
		this.runner.run((context) -> {
			assertThat(context.getBean(NetworkProperties.class)).isEqualTo(NetworkProperties.defaults());
			assertThat(context.getBean(FileSystemProperties.class)).isEqualTo(FileSystemProperties.defaults());
			assertThat(context.getBean(ProcessProperties.class).top()).isEqualTo(10);
			assertThat(context.getBean(DiscoveryProperties.class).interval()).isEqualTo(Duration.ofSeconds(10));
		});
	}

	@Test
	void whenLoopbackIsIncludedThenItIsBound() {
		this.runner
			.withPropertyValues("statwall.sampling.network.include-in-total=lo,eth*",
					"statwall.sampling.filesystems.ignore-types=tmpfs", "statwall.sampling.processes.top=3",
					"statwall.sampling.discovery.interval=30s")
			.run((context) -> {
				assertThat(context.getBean(NetworkProperties.class).includeInTotal()).containsExactly("lo", "eth*");
				assertThat(context.getBean(FileSystemProperties.class).ignoreTypes()).containsExactly("tmpfs");
				assertThat(context.getBean(ProcessProperties.class).top()).isEqualTo(3);
				assertThat(context.getBean(DiscoveryProperties.class).interval()).isEqualTo(Duration.ofSeconds(30));
			});
	}

	@Test
	void whenTopIsZeroThenStartUpFails() {
		this.runner.withPropertyValues("statwall.sampling.processes.top=0")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ NetworkProperties.class, FileSystemProperties.class, ProcessProperties.class,
			DiscoveryProperties.class })
	static class PropertiesConfiguration {

	}

}
