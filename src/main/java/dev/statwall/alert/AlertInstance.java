package dev.statwall.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One alert: a rule on a node and, for a {@code *} metric, what the {@code *} matched. Its state is
 * changed by the evaluator's thread only; what receivers still owe (delivered from their own threads)
 * is guarded by the instance.
 */
final class AlertInstance {

	/** A stable id, as Alertmanager's fingerprint: the same rule, node and match give the same id across restarts. */
	final String id;

	final AlertRule rule;

	final String node;

	/** What the {@code *} matched; empty for a plain metric. */
	final String capture;

	/** The metric watched, such as {@code fs./data.usage}; empty for {@code node_offline}. */
	final String metric;


	volatile AlertState state = AlertState.INACTIVE;

	/** When the condition started to hold (Prometheus's activeAt, Alertmanager's startsAt). */
	volatile long activeAt;

	volatile long firingAt;

	volatile long resolvedAt;

	/** When the state last changed: a delivery counts only for the change it carried. */
	volatile long changedAt;

	volatile double value = Double.NaN;

	volatile String summary = "";

	/** Whether receivers were told it fires (a silenced alert is not), so they are told when it resolves. */
	volatile boolean notified;

	/** Receivers not yet told of the current state; null for none (a hub holds thousands of instances). */
	private @Nullable Set<String> owed;

	/** The newest window value and the end of the window it is for (evaluator's thread only). */
	long windowEnd = Long.MIN_VALUE;

	double windowValue = Double.NaN;

	AlertInstance(AlertRule rule, String node, String capture, String metric) {
		this.id = id(rule.name(), node, capture);
		this.rule = rule;
		this.node = node;
		this.capture = capture;
		this.metric = metric;
	}

	/** alertname, node, severity and the capture's label: what receivers group and route by. */
	Map<String, String> labels() {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("alertname", this.rule.name());
		labels.put("node", this.node);
		labels.put("severity", this.rule.severity().key());
		if (!this.capture.isEmpty()) {
			labels.put(this.rule.captureLabel(), this.capture);
		}
		return Collections.unmodifiableMap(labels);
	}

	static String id(String rule, String node, String capture) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((rule + '\0' + node + '\0' + capture).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

	synchronized void owe(Set<String> receivers) {
		this.owed = receivers.isEmpty() ? null : new LinkedHashSet<>(receivers);
	}

	/** A receiver was told about the change at {@code changedAt}; true when that settles what it owed. */
	synchronized boolean delivered(String receiver, long changedAt) {
		Set<String> owed = this.owed;
		if (changedAt != this.changedAt || owed == null || !owed.remove(receiver)) {
			return false;
		}
		if (owed.isEmpty()) {
			this.owed = null;
		}
		return true;
	}

	synchronized Set<String> owed() {
		Set<String> owed = this.owed;
		return (owed != null) ? Set.copyOf(owed) : Set.of();
	}

	synchronized boolean owesNothing() {
		return this.owed == null;
	}

	/** The {@code *} part under its label, or null for a plain metric. */
	@Nullable String captureLabel() {
		return this.capture.isEmpty() ? null : this.rule.captureLabel();
	}

	@Override
	public String toString() {
		return this.rule.name() + " on " + this.node + (this.capture.isEmpty() ? "" : " (" + this.capture + ")");
	}

}
