package dev.statwall.series;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the store knows of a node, as readers see it: replaced whole after every append.
 *
 * @param name the node
 * @param epoch identifies its history: when it changes, sample numbers started again
 * @param metrics its metrics, in the order of {@link #latest} and of its rows
 * @param lastSeq number of its newest sample; 0 before the first
 * @param lastTime time of its newest sample, epoch milliseconds
 * @param interval its sampling interval in milliseconds
 * @param lastSeen when its newest sample was taken in, by this process's clock
 * @param texts its newest texts, such as {@code system.os}
 * @param run its sender's current run, null before the first sample
 * @param runSeq the newest sample number of that run taken
 * @param runs how many runs it has had
 * @param pastRuns runs replaced by later ones, newest first (a few)
 * @param dropped samples its senders dropped, over all runs
 * @param latest its newest sample's values, by {@link #metrics}
 */
public record NodeInfo(String name, long epoch, List<String> metrics, long lastSeq, long lastTime, long interval,
		long lastSeen, Map<String, String> texts, @Nullable String run, long runSeq, int runs, List<String> pastRuns,
		long dropped, double[] latest) {

	/** The newest value of a metric, NaN when n/a or unknown. */
	public double value(String metric) {
		int index = this.metrics.indexOf(metric);
		return (index >= 0 && index < this.latest.length) ? this.latest[index] : Double.NaN;
	}

	/** The newest values by metric, for readers that want a map. */
	public Map<String, Double> values() {
		Map<String, Double> values = new java.util.LinkedHashMap<>();
		for (int i = 0; i < this.metrics.size() && i < this.latest.length; i++) {
			values.put(this.metrics.get(i), this.latest[i]);
		}
		return values;
	}

}
