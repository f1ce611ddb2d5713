package dev.statwall.sampling;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How this node is sampled.
 *
 * @param interval time between two samples of this node
 */
@ConfigurationProperties("statwall.sampling")
@Validated
public record SamplingProperties(@DefaultValue("1s") @NotNull Duration interval) {

	public SamplingProperties {
		if (interval != null && (interval.isNegative() || interval.isZero())) {
			throw new IllegalArgumentException("statwall.sampling.interval must be positive, was " + interval);
		}
	}

}
