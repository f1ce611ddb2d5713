package dev.statwall.alert.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.statwall.alert.AlertChange;
import dev.statwall.alert.AlertCounts;
import dev.statwall.alert.AlertView;
import dev.statwall.alert.Silence;

/**
 * {@code GET /api/v1/alerts}: what fires now and the recent changes, as the alerts page shows them.
 *
 * @param time when this was answered
 * @param counts firing alerts by severity, and those pending
 * @param alerts pending and firing alerts, firing and critical first
 * @param changes the newest changes first
 */
record AlertJson(String time, AlertCounts counts, List<Alert> alerts, List<Change> changes) {

	static String time(long millis) {
		return (millis > 0) ? Instant.ofEpochMilli(millis).toString() : "";
	}

	static @Nullable Double number(double value) {
		return Double.isNaN(value) ? null : value;
	}

	/**
	 * An alert.
	 *
	 * @param id for silencing
	 * @param rule the rule's name
	 * @param node the node
	 * @param labels as receivers get them
	 * @param severity warning or critical
	 * @param state pending or firing
	 * @param activeAt when its condition started to hold
	 * @param firingAt when it started firing; empty while pending
	 * @param value the value at its last change
	 * @param summary its summary
	 * @param silence who silenced it until when, or null
	 */
	record Alert(String id, String rule, String node, Map<String, String> labels, String severity, String state,
			String activeAt, String firingAt, @Nullable Double value, String summary, @Nullable SilenceJson silence) {

		static Alert of(AlertView view, long now) {
			Silence silence = view.silence();
			return new Alert(view.id(), view.rule(), view.node(), view.labels(), view.severity().key(), view.state().key(),
					time(view.activeAt()), time(view.firingAt()), number(view.value()), view.summary(),
					(silence != null && silence.until() > now) ? SilenceJson.of(silence) : null);
		}

	}

	/**
	 * A change.
	 *
	 * @param time when
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
	record Change(String time, String id, String rule, String node, Map<String, String> labels, String severity,
			String state, String activeAt, @Nullable Double value, String summary) {

		static Change of(AlertChange change) {
			return new Change(AlertJson.time(change.time()), change.id(), change.rule(), change.node(), change.labels(),
					change.severity().key(), change.state().key(), AlertJson.time(change.activeAt()), number(change.value()),
					change.summary());
		}

	}

	/**
	 * A silence.
	 *
	 * @param id the alert's id
	 * @param until when it ends
	 * @param by who set it
	 * @param comment why
	 * @param at when it was set
	 */
	record SilenceJson(String id, String until, String by, String comment, String at) {

		static SilenceJson of(Silence silence) {
			return new SilenceJson(silence.id(), time(silence.until()), silence.by(), silence.comment(), time(silence.at()));
		}

	}

}
