package dev.statwall.alert;

import java.time.Instant;
import java.util.Map;

import dev.statwall.card.Formats;

/**
 * A change that receivers hear about: an alert started firing or resolved.
 *
 * @param time when, epoch milliseconds
 * @param id the alert's id
 * @param rule the rule's name
 * @param node the node
 * @param labels the alert's labels
 * @param severity warning or critical
 * @param state firing or resolved
 * @param activeAt when its condition started to hold
 * @param value the value at the change
 * @param summary the summary at the change
 */
public record AlertChange(long time, String id, String rule, String node, Map<String, String> labels,
		Severity severity, AlertState state, long activeAt, double value, String summary) {

	public String timeText() {
		return Instant.ofEpochMilli(this.time).toString();
	}

	public String valueText() {
		return Double.isNaN(this.value) ? "n/a" : Formats.number(this.value);
	}

}
