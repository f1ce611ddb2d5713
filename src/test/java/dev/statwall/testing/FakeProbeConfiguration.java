package dev.statwall.testing;

import dev.statwall.sampling.SystemProbe;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the OSHI probe with a {@link FakeProbe} whose values the test knows. */
@TestConfiguration(proxyBeanMethods = false)
public class FakeProbeConfiguration {

	@Bean
	@Primary
	public FakeProbe fakeProbe() {
		return new FakeProbe();
	}

}
