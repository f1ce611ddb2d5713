package dev.statwall.hub;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.statwall.series.NodeInfo;

/**
 * A node as readers see it.
 *
 * @param name the node
 * @param lastSeen when the hub last heard from it, epoch milliseconds by the hub's clock; 0 never
 * @param lastSampleTime the time of its newest sample, by its own clock
 * @param lastSeq the newest sample's sequence number in its run
 * @param interval its sampling interval in milliseconds
 * @param dropped samples its agent had to drop because the spool was full
 * @param vitals the overview's numbers from the newest sample
 * @param values every value of the newest sample
 * @param texts the newest texts, such as {@code os.name}
 * @param source what the history store knew of it when this was built
 */
public record NodeState(String name, long lastSeen, long lastSampleTime, long lastSeq, long interval, long dropped,
		Vitals vitals, Map<String, Double> values, Map<String, String> texts, @Nullable NodeInfo source) {
}
