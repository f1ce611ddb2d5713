package dev.statwall.sampling;

import java.time.Clock;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

@Configuration(proxyBeanMethods = false)
class SamplingConfiguration implements SchedulingConfigurer {

	private final SamplingProperties properties;

	private final Sampler sampler;

	SamplingConfiguration(SamplingProperties properties, Sampler sampler) {
		this.properties = properties;
		this.sampler = sampler;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedRateTask(this.sampler::sampleLater, this.properties.interval());
	}

	@Configuration(proxyBeanMethods = false)
	static class Beans {

		@Bean
		static SystemProbe systemProbe(NetworkProperties network, FileSystemProperties fileSystems,
				ProcessProperties processes, DiscoveryProperties discovery, Environment environment) {
			return ProbeFactory.create(network, fileSystems, processes, discovery,
					CommandLineMask.ownSecrets(environment));
		}

		@Bean
		static Clock clock() {
			return Clock.systemUTC();
		}

		/** The sampler's own health, next to what it samples. */
		@Bean
		static MeterBinder samplerMeters(Sampler sampler) {
			return (registry) -> {
				FunctionCounter.builder("statwall.samples", sampler, Sampler::samples)
					.description("Samples of this node taken")
					.register(registry);
				FunctionCounter.builder("statwall.samples.skipped", sampler, Sampler::skipped)
					.description("Samples skipped because the previous read was still running")
					.register(registry);
				Gauge.builder("statwall.sample.read", sampler, Sampler::lastReadSeconds)
					.description("How long the last read of this node's stats took")
					.baseUnit("seconds")
					.register(registry);
			};
		}

		@Bean
		static Sampler sampler(SystemProbe probe, ApplicationEventPublisher events, Clock clock) {
			return new Sampler(probe, events, clock);
		}

	}

}
