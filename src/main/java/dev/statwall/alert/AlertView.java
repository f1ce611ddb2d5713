package dev.statwall.alert;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.statwall.card.Formats;

/**
 * An alert as pages and the API show it: pending or firing now.
 *
 * @param id its id (fingerprint), for silencing
 * @param rule the rule's name
 * @param node the node
 * @param labels alertname, node, severity and the {@code *} part's label, as receivers get them
 * @param severity warning or critical
 * @param state pending or firing
 * @param activeAt when its condition started to hold, epoch milliseconds
 * @param firingAt when it started firing; 0 while pending
 * @param value the value at its last change
 * @param summary its summary: text from rules and nodes, shown escaped
 * @param silence who silenced it until when; null when not silenced
 */
public record AlertView(String id, String rule, String node, Map<String, String> labels, Severity severity,
		AlertState state, long activeAt, long firingAt, double value, String summary, @Nullable Silence silence) {

	/** What the {@code *} matched, as {@code mount=/data}; empty for a plain metric. */
	public String match() {
		StringBuilder text = new StringBuilder();
		this.labels.forEach((name, value) -> {
			if (!name.equals("alertname") && !name.equals("node") && !name.equals("severity")) {
				text.append((text.length() > 0) ? ", " : "").append(name).append('=').append(value);
			}
		});
		return text.toString();
	}

	public String since() {
		return Instant.ofEpochMilli((this.firingAt > 0) ? this.firingAt : this.activeAt).toString();
	}

	public String valueText() {
		return Double.isNaN(this.value) ? "n/a" : Formats.number(this.value);
	}

	public boolean silenced(long now) {
		return this.silence != null && this.silence.until() > now;
	}

}
