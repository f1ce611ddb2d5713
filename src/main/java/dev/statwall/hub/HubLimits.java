package dev.statwall.hub;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much of the hub one sender may take: a misconfigured or hostile agent cannot grow the hub's
 * memory without bound. Each is refused with a 4xx that names the key.
 *
 * @param maxNodes nodes the hub keeps; a new one beyond it waits (429) until an offline node is forgotten
 * @param maxMetrics metrics one node may report, over all its samples
 * @param maxTables tables one node may report
 */
@ConfigurationProperties("statwall.hub")
public record HubLimits(@DefaultValue("10000") int maxNodes, @DefaultValue("10000") int maxMetrics,
		@DefaultValue("64") int maxTables) {

	public HubLimits {
		if (maxNodes < 1) {
			throw new IllegalArgumentException("statwall.hub.max-nodes must be 1 or more, was " + maxNodes);
		}
		if (maxMetrics < 1) {
			throw new IllegalArgumentException("statwall.hub.max-metrics must be 1 or more, was " + maxMetrics);
		}
		if (maxTables < 0) {
			throw new IllegalArgumentException("statwall.hub.max-tables must be 0 or more, was " + maxTables);
		}
	}

	public static HubLimits defaults() {
		return new HubLimits(10_000, 10_000, 64);
	}

}
