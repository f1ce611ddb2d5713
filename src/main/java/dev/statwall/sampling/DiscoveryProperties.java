package dev.statwall.sampling;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How often the probe looks again for things that change slowly: mounts, disks, network
 * interfaces, sensors, cgroup limits, and the names, users and command lines of processes it has
 * already seen. Looking every sample would cost more than the sample itself.
 *
 * @param interval time between two look-ups
 */
@ConfigurationProperties("statwall.sampling.discovery")
@Validated
public record DiscoveryProperties(@DefaultValue("10s") @NotNull Duration interval) {

	static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

	public DiscoveryProperties {
		if (interval != null && (interval.isNegative() || interval.isZero())) {
			throw new IllegalArgumentException("statwall.sampling.discovery.interval must be positive, was " + interval);
		}
	}

}
