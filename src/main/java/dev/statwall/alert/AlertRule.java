package dev.statwall.alert;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.statwall.card.ValueTemplate;
import dev.statwall.series.MetricPattern;

/**
 * A rule as evaluated: checked, with its template parsed and its thresholds resolved. Immutable.
 *
 * @param name the rule's name, Alertmanager's {@code alertname}
 * @param key where it is configured, for messages: {@code statwall.alerts.rules[2]}
 * @param metric what it watches; null for {@code node_offline}
 * @param nodes which node names it applies to
 * @param above true when it fires above {@code threshold}, false below
 * @param threshold where it fires; for {@code node_offline}, seconds of silence
 * @param clear where a firing alert resolves: below (or, for a below rule, above) this
 * @param window milliseconds of history the function looks at; 0 for the newest value
 * @param function what it makes of the window
 * @param holdFor milliseconds the condition must hold before firing
 * @param severity warning or critical
 * @param summary the summary template; columns {@link #COLUMNS}, texts {@code node}, {@code match} and the
 * capture's label such as {@code mount}
 * @param captureLabel the label the {@code *} part of the metric goes under: {@code mount}, {@code interface},
 * {@code disk}, {@code core}, or {@code match}
 */
public record AlertRule(String name, String key, @Nullable MetricPattern metric, Pattern nodes, boolean above,
		double threshold, double clear, long window, WindowFunction function, long holdFor, Severity severity,
		ValueTemplate summary, String captureLabel) {

	/** Columns a summary may name besides the metric's own (its last part, such as {@code usage}). */
	static final List<String> COLUMNS = List.of("value", "threshold");

	public boolean isOffline() {
		return this.metric == null;
	}

	/** Whether a value breaks the rule. */
	boolean breaches(double value) {
		return this.above ? value > this.threshold : value < this.threshold;
	}

	/** Whether a firing alert's value has come back far enough to resolve it. */
	boolean clears(double value) {
		if (this.clear == this.threshold) {
			return !breaches(value);
		}
		return this.above ? value < this.clear : value > this.clear;
	}

	boolean appliesTo(String node) {
		return this.nodes.matcher(node).matches();
	}

	/** The summary for a value, with the node's name, the {@code *} part and the node's texts. */
	String summarize(double value, String node, String capture, Map<String, String> nodeTexts) {
		Map<String, String> texts = new java.util.HashMap<>(nodeTexts);
		texts.put("node", node);
		texts.put("match", capture);
		texts.put(this.captureLabel, capture);
		return this.summary.format(new double[] { value, value, this.threshold }, texts);
	}

	/** The label the {@code *} part of a metric goes under, as Prometheus exporters name it. */
	static String captureLabel(String metric) {
		if (metric.startsWith("fs.")) {
			return "mount";
		}
		if (metric.startsWith("net.")) {
			return "interface";
		}
		if (metric.startsWith("disk.")) {
			return "disk";
		}
		if (metric.startsWith("cpu.core.")) {
			return "core";
		}
		if (metric.startsWith("sensors.fan.")) {
			return "fan";
		}
		return "match";
	}

}
