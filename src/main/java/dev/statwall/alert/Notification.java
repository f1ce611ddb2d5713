package dev.statwall.alert;

import java.util.Map;

/**
 * What a receiver is told about an alert: a snapshot, so a delivery retried later says what was true then.
 *
 * @param id the alert's id (fingerprint)
 * @param labels alertname, node, severity and the {@code *} part's label
 * @param summary the summary annotation
 * @param state firing or resolved
 * @param activeAt when its condition started to hold, epoch milliseconds
 * @param firingAt when it started firing
 * @param resolvedAt when it resolved; 0 while firing
 * @param changedAt when this state began: deliveries are matched to changes by it
 * @param value the value at the change
 * @param resend true for Alertmanager's periodic resend of a firing alert, not a change
 */
public record Notification(String id, Map<String, String> labels, String summary, AlertState state, long activeAt,
		long firingAt, long resolvedAt, long changedAt, double value, boolean resend) {

	public boolean firing() {
		return this.state == AlertState.FIRING;
	}

	public String rule() {
		return this.labels.getOrDefault("alertname", "");
	}

	public String node() {
		return this.labels.getOrDefault("node", "");
	}

	public String severity() {
		return this.labels.getOrDefault("severity", "");
	}

	static Notification of(AlertInstance alert, boolean resend) {
		return new Notification(alert.id, alert.labels(), alert.summary, alert.state, alert.activeAt, alert.firingAt,
				alert.resolvedAt, alert.changedAt, alert.value, resend);
	}

}
