package dev.statwall.alert;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.statwall.series.MetricPattern;
import dev.statwall.series.NodeInfo;
import dev.statwall.series.SeriesRange;
import dev.statwall.series.SeriesStore;

/**
 * Evaluates every rule on every node once per sample interval: on a hub every node it knows, on a
 * standalone node itself. A tick reads each node's newest values as the store holds them (no copy,
 * no object per rule) and, for rules with a window, ranges of history; only a change of state
 * allocates, is kept and is told to receivers.
 * <p>
 * A node that is stale or offline holds its alerts as they are (its last values are old, not
 * wrong), except {@code node_offline}, which is about exactly that. Silence is counted from this
 * process's start at the earliest, so a hub that was down does not blame its nodes for its own
 * absence; a restored {@code node_offline} alert resolves once the node is heard from again.
 * <p>
 * Windows are read from the per-minute points of history, over the last whole minutes, once a
 * minute: a window's value changes only when a minute closes.
 */
public final class AlertEvaluator {

	private static final Log logger = LogFactory.getLog(AlertEvaluator.class);

	private final AlertRules rules;

	private final SeriesStore store;

	private final AlertBoard board;

	private final Notifier notifier;

	private final Clock clock;

	private final @Nullable String localNode;

	private final long staleAfter;

	private final long offlineAfter;

	private final long started;

	/** Each node's instances, built again only when its metrics change (evaluator's thread only). */
	private final Map<String, NodePlan> plans = new HashMap<>();

	private final ConcurrentLinkedQueue<String> forgotten = new ConcurrentLinkedQueue<>();

	private boolean restored;

	/**
	 * @param localNode a standalone node's own name, which is all it evaluates; null on a hub, which
	 * evaluates every node of the store
	 */
	AlertEvaluator(AlertRules rules, SeriesStore store, AlertBoard board, Notifier notifier, Clock clock,
			@Nullable String localNode, long staleAfter, long offlineAfter) {
		this.rules = rules;
		this.store = store;
		this.board = board;
		this.notifier = notifier;
		this.clock = clock;
		this.localNode = localNode;
		this.staleAfter = staleAfter;
		this.offlineAfter = offlineAfter;
		this.started = clock.millis();
	}

	/** A node was forgotten: its alerts resolve at the next tick. */
	void forget(String node) {
		this.forgotten.add(node);
	}

	/** One tick: every rule on every node. Called by one thread at a time. */
	public void evaluate() {
		if (this.rules.all().isEmpty()) {
			return;
		}
		long now = this.clock.millis();
		Tick tick = new Tick(now);
		if (!this.restored) {
			this.restored = true;
			redeliver();
		}
		String gone;
		while ((gone = this.forgotten.poll()) != null) {
			resolveForgotten(gone, tick);
		}
		if (this.localNode != null) {
			NodeInfo info = this.store.node(this.localNode).orElse(null);
			if (info != null) {
				evaluate(info, tick, false);
			}
		}
		else {
			for (NodeInfo info : this.store.nodes()) {
				evaluate(info, tick, true);
			}
		}
		unsilenced(tick);
		tick.finish();
	}

	private void evaluate(NodeInfo info, Tick tick, boolean hub) {
		NodePlan plan = this.plans.get(info.name());
		if (plan == null || !plan.metrics.equals(info.metrics())) {
			plan = plan(info, hub);
			this.plans.put(info.name(), plan);
		}
		long now = tick.now;
		boolean fresh = !hub || now - info.lastSeen() < this.staleAfter;
		if (fresh) {
			double[] latest = info.latest();
			AlertInstance[] instances = plan.instances;
			for (int i = 0; i < instances.length; i++) {
				AlertInstance alert = instances[i];
				double value = value(alert, info, latest, plan.indexes[i], now);
				if (!Double.isNaN(value)) {
					step(alert, value, alert.rule.breaches(value), alert.rule.clears(value), info, tick);
				}
			}
		}
		AlertInstance offline = plan.offline;
		if (offline != null) {
			// breaks after offline-after of silence, counted from this process's start at the earliest;
			// clears only once the node is heard from
			long silence = now - Math.max(info.lastSeen(), this.started);
			long heard = now - info.lastSeen();
			step(offline, heard / 1000.0, silence >= this.offlineAfter, heard < this.offlineAfter, info, tick);
		}
	}

	private double value(AlertInstance alert, NodeInfo info, double[] latest, int index, long now) {
		AlertRule rule = alert.rule;
		if (rule.window() == 0 || rule.function() == WindowFunction.LAST) {
			return (index >= 0 && index < latest.length) ? latest[index] : Double.NaN;
		}
		// the last whole minutes, once a minute, a little after the minute so its last samples are in;
		// nodes are spread over ten seconds so a hub of thousands does not read them all in one tick
		long grace = Math.min(30_000, Math.max(1_000, 2 * info.interval())) + spread(info.name());
		long end = Math.floorDiv(now - grace, AlertRules.MINUTE) * AlertRules.MINUTE;
		if (alert.windowEnd != end) {
			alert.windowEnd = end;
			alert.windowValue = aggregate(rule.function(), this.store.range(info.name(), alert.metric,
					end - rule.window(), end - 1, (int) (rule.window() / AlertRules.MINUTE)));
		}
		return alert.windowValue;
	}

	private static long spread(String node) {
		return (node.hashCode() & 0x7fffffff) % 10 * 1000L;
	}

	/** The window's average (of its points), lowest or highest; NaN when it holds nothing. */
	static double aggregate(WindowFunction function, SeriesRange range) {
		double result = Double.NaN;
		double sum = 0;
		int count = 0;
		for (int i = 0; i < range.size(); i++) {
			double value = switch (function) {
				case MIN -> range.min()[i];
				case MAX -> range.max()[i];
				default -> range.avg()[i];
			};
			if (Double.isNaN(value)) {
				continue;
			}
			switch (function) {
				case MIN -> result = Double.isNaN(result) ? value : Math.min(result, value);
				case MAX -> result = Double.isNaN(result) ? value : Math.max(result, value);
				default -> {
					sum += value;
					count++;
				}
			}
		}
		if (function == WindowFunction.AVG || function == WindowFunction.LAST) {
			return (count > 0) ? sum / count : Double.NaN;
		}
		return result;
	}

	/** inactive → pending → firing → resolved: one step with this tick's value. */
	private void step(AlertInstance alert, double value, boolean breaches, boolean clears, NodeInfo info, Tick tick) {
		long now = tick.now;
		switch (alert.state) {
			case INACTIVE, RESOLVED -> {
				if (breaches) {
					alert.activeAt = now;
					change(alert, (alert.rule.holdFor() == 0) ? AlertState.FIRING : AlertState.PENDING, value, info, tick);
				}
			}
			case PENDING -> {
				if (!breaches) {
					change(alert, AlertState.INACTIVE, value, info, tick);
				}
				else if (now - alert.activeAt >= alert.rule.holdFor()) {
					change(alert, AlertState.FIRING, value, info, tick);
				}
			}
			case FIRING -> {
				if (clears) {
					change(alert, AlertState.RESOLVED, value, info, tick);
				}
			}
		}
	}

	private void change(AlertInstance alert, AlertState to, double value, NodeInfo info, Tick tick) {
		long now = tick.now;
		alert.state = to;
		alert.changedAt = now;
		alert.value = value;
		alert.summary = alert.rule.summarize(value, alert.node, alert.capture, info.texts());
		switch (to) {
			case FIRING -> {
				alert.firingAt = now;
				if (this.board.silenced(alert.id, now)) {
					alert.notified = false;
					alert.owe(Set.of());
				}
				else {
					alert.notified = true;
					alert.owe(this.notifier.receivers());
				}
			}
			case RESOLVED -> {
				alert.resolvedAt = now;
				alert.owe(alert.notified ? this.notifier.receivers() : Set.of());
				alert.notified = false;
			}
			default -> alert.owe(Set.of());
		}
		tick.changed(alert, this.board.save(alert));
	}

	/** A firing alert whose silence ended, and that receivers never heard of: they hear now. */
	private void unsilenced(Tick tick) {
		for (AlertInstance alert : this.board.activeInstances()) {
			if (alert.state == AlertState.FIRING && !alert.notified && !this.board.silenced(alert.id, tick.now)) {
				alert.notified = true;
				alert.owe(this.notifier.receivers());
				tick.notify(alert, this.board.save(alert));
			}
		}
	}

	private void resolveForgotten(String node, Tick tick) {
		this.plans.remove(node);
		NodeInfo info = new NodeInfo(node, 0, List.of(), 0, 0, 0, 0, Map.of(), null, 0, 0, List.of(), 0, new double[0]);
		for (AlertInstance alert : new ArrayList<>(this.board.activeInstances())) {
			if (alert.node.equals(node)) {
				if (alert.state == AlertState.FIRING) {
					change(alert, AlertState.RESOLVED, alert.value, info, tick);
				}
				else {
					change(alert, AlertState.INACTIVE, alert.value, info, tick);
				}
			}
		}
		tick.forgotten.add(node);
	}

	/** After a restart: what receivers were owed before it goes out again. */
	private void redeliver() {
		for (AlertInstance alert : this.board.instances()) {
			Set<String> owed = alert.owed();
			if (!owed.isEmpty() && (alert.state == AlertState.FIRING || alert.state == AlertState.RESOLVED)) {
				this.notifier.send(Notification.of(alert, false), owed);
			}
		}
	}

	/** Firing alerts that receivers know of, for Alertmanager's periodic resend. */
	List<Notification> firing() {
		List<Notification> firing = new ArrayList<>();
		for (AlertInstance alert : this.board.activeInstances()) {
			if (alert.state == AlertState.FIRING && alert.notified) {
				firing.add(Notification.of(alert, true));
			}
		}
		return firing;
	}

	private NodePlan plan(NodeInfo info, boolean hub) {
		List<AlertInstance> instances = new ArrayList<>();
		List<Integer> indexes = new ArrayList<>();
		AlertInstance offline = null;
		List<String> metrics = info.metrics();
		for (AlertRule rule : this.rules.all()) {
			if (!rule.appliesTo(info.name())) {
				continue;
			}
			MetricPattern pattern = rule.metric();
			if (pattern == null) {
				if (hub) {
					offline = this.board.instance(rule, info.name(), "", "");
				}
				continue;
			}
			for (int i = 0; i < metrics.size(); i++) {
				String capture = pattern.capture(metrics.get(i));
				if (capture != null) {
					instances.add(this.board.instance(rule, info.name(), capture, metrics.get(i)));
					indexes.add(i);
				}
			}
		}
		return new NodePlan(metrics, instances.toArray(new AlertInstance[0]),
				indexes.stream().mapToInt(Integer::intValue).toArray(), offline);
	}

	/**
	 * What a tick changed: kept durable before receivers are told, then shown.
	 */
	private final class Tick {

		final long now;

		private final List<AlertChange> changes = new ArrayList<>(0);

		private final List<Notification> notifications = new ArrayList<>(0);

		private final List<AlertInstance> touched = new ArrayList<>(0);

		private final List<String> forgotten = new ArrayList<>(0);

		private long position;

		Tick(long now) {
			this.now = now;
		}

		void changed(AlertInstance alert, long position) {
			this.touched.add(alert);
			this.position = Math.max(this.position, position);
			if (alert.state == AlertState.FIRING || alert.state == AlertState.RESOLVED) {
				AlertChange change = new AlertChange(this.now, alert.id, alert.rule.name(), alert.node, alert.labels(),
						alert.rule.severity(), alert.state, alert.activeAt, alert.value, alert.summary);
				this.position = Math.max(this.position, AlertEvaluator.this.board.record(change));
				this.changes.add(change);
				if (!alert.owesNothing()) {
					this.notifications.add(Notification.of(alert, false));
				}
			}
		}

		void notify(AlertInstance alert, long position) {
			this.position = Math.max(this.position, position);
			this.notifications.add(Notification.of(alert, false));
		}

		void finish() {
			if (this.touched.isEmpty() && this.notifications.isEmpty() && this.forgotten.isEmpty()) {
				return;
			}
			AlertBoard board = AlertEvaluator.this.board;
			if (!this.notifications.isEmpty() && !AlertEvaluator.this.store.awaitState(this.position)) {
				logger.debug("Alert states could not be made durable now; notifying all the same");
			}
			for (AlertInstance alert : this.touched) {
				board.refresh(alert);
				if (alert.state == AlertState.FIRING || alert.state == AlertState.RESOLVED) {
					logger.info("Alert " + alert.state + ": " + alert + ": " + alert.summary);
				}
			}
			this.forgotten.forEach(board::forget);
			Collection<String> all = AlertEvaluator.this.notifier.receivers();
			for (Notification notification : this.notifications) {
				AlertEvaluator.this.notifier.send(notification, all);
			}
			board.published(this.changes);
		}

	}

	/**
	 * A node's alert instances, each with where its metric is in the node's newest values.
	 */
	private static final class NodePlan {

		final List<String> metrics;

		final AlertInstance[] instances;

		/** Where each instance's metric is in the node's values. */
		final int[] indexes;

		final @Nullable AlertInstance offline;

		NodePlan(List<String> metrics, AlertInstance[] instances, int[] indexes, @Nullable AlertInstance offline) {
			this.metrics = metrics;
			this.instances = instances;
			this.indexes = indexes;
			this.offline = offline;
		}

	}

}
