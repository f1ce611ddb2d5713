package dev.statwall.agent;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How an agent delivers its samples. Checked in the constructor: the agent binds it without an
 * application context.
 *
 * @param spoolSize samples kept while the hub cannot be reached; 1800 is 30 minutes at one a
 * second; when full, the oldest is dropped and counted
 * @param batchSize most samples sent in one request when catching up
 * @param retryInitial the longest wait before the first retry; each further failure doubles it
 * @param retryMax the longest wait between two retries
 * @param timeout how long one request to the hub may take
 * @param healthFile a file the agent rewrites every few seconds while it samples; an agent serves
 * no HTTP, so container health checks read this instead
 */
@ConfigurationProperties("statwall.agent")
public record AgentProperties(@DefaultValue("1800") int spoolSize, @DefaultValue("300") int batchSize,
		@DefaultValue("500ms") Duration retryInitial, @DefaultValue("30s") Duration retryMax,
		@DefaultValue("5s") Duration timeout, @DefaultValue("/tmp/statwall-agent.health") Path healthFile) {

	public AgentProperties {
		if (spoolSize < 1) {
			throw new IllegalArgumentException("statwall.agent.spool-size must be 1 or more, was " + spoolSize);
		}
		if (batchSize < 1 || batchSize > dev.statwall.wire.SampleBatchReader.MAX_SAMPLES) {
			throw new IllegalArgumentException("statwall.agent.batch-size must be 1 to "
					+ dev.statwall.wire.SampleBatchReader.MAX_SAMPLES + ", was " + batchSize);
		}
		if (retryInitial.isNegative() || retryInitial.isZero() || retryMax.compareTo(retryInitial) < 0) {
			throw new IllegalArgumentException("statwall.agent.retry-initial must be positive and at most retry-max, was "
					+ retryInitial + " and " + retryMax);
		}
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("statwall.agent.timeout must be positive, was " + timeout);
		}
	}

}
