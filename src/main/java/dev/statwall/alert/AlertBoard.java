package dev.statwall.alert;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.statwall.hub.NodeAlerts;
import dev.statwall.series.SeriesStore;

/**
 * Every alert instance and what people see of them: what fires now, the log of changes, silences.
 * Instances, changes and silences are kept beside the history as small named records
 * ({@link SeriesStore#saveState}), so a restart, even a crash, forgets neither a firing alert nor
 * what its receivers were told. Readers (pages, the API, the overview) never wait for the evaluator.
 */
public final class AlertBoard implements NodeAlerts {

	private static final Log logger = LogFactory.getLog(AlertBoard.class);

	static final String INSTANCE_PREFIX = "alerts/instance/";

	static final String CHANGE_PREFIX = "alerts/change/";

	static final String SILENCE_PREFIX = "alerts/silence/";

	/** The most changes kept, whatever their age: a storm of them must not fill the memory. */
	static final int MAX_CHANGES = 10_000;

	/** The longest silence. */
	public static final Duration MAX_SILENCE = Duration.ofDays(30);

	private static final Comparator<AlertView> ORDER = Comparator
		.comparing((AlertView view) -> view.state() != AlertState.FIRING)
		.thenComparing((view) -> view.severity() != Severity.CRITICAL)
		.thenComparing(AlertView::node)
		.thenComparing(AlertView::rule)
		.thenComparing(AlertView::id);

	private final SeriesStore store;

	private final Clock clock;

	private final JsonMapper json;

	private final long history;

	private final ConcurrentMap<String, AlertInstance> instances = new ConcurrentHashMap<>();

	/** Pending and firing instances, for the evaluator's checks that concern only them. */
	private final ConcurrentMap<String, AlertInstance> activeInstances = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, AlertView> active = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Silence> silences = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, String> worst = new ConcurrentHashMap<>();

	/** Newest first, with the record name each is kept under. */
	private final Deque<Map.Entry<String, AlertChange>> changes = new ArrayDeque<>();

	private volatile AlertCounts counts = AlertCounts.NONE;

	private final List<Consumer<List<AlertChange>>> listeners = new CopyOnWriteArrayList<>();

	AlertBoard(SeriesStore store, Clock clock, JsonMapper json, Duration history) {
		this.store = store;
		this.clock = clock;
		this.json = json;
		this.history = history.toMillis();
	}

	// ---------------------------------------------------------------- restoring

	/** Reads the instances, changes and silences kept before a restart; instances of rules gone are dropped. */
	void restore(AlertRules rules) {
		Map<String, AlertRule> byName = new HashMap<>();
		rules.all().forEach((rule) -> byName.put(rule.name(), rule));
		int restored = 0;
		for (String name : this.store.states(INSTANCE_PREFIX)) {
			byte[] bytes = this.store.state(name);
			if (bytes == null) {
				continue;
			}
			try {
				JsonNode record = this.json.readTree(bytes);
				AlertRule rule = byName.get(record.path("rule").asString());
				if (rule == null) {
					logger.info("Alert " + record.path("rule").asString() + " on " + record.path("node").asString()
							+ " is forgotten: its rule is no longer configured");
					this.store.saveState(name, new byte[0]);
					continue;
				}
				AlertInstance alert = new AlertInstance(rule, record.path("node").asString(),
						record.path("capture").asString(), record.path("metric").asString());
				alert.state = AlertState.valueOf(record.path("state").asString());
				alert.activeAt = record.path("activeAt").asLong();
				alert.firingAt = record.path("firingAt").asLong();
				alert.resolvedAt = record.path("resolvedAt").asLong();
				alert.changedAt = record.path("changedAt").asLong();
				alert.value = record.path("value").isNumber() ? record.path("value").asDouble() : Double.NaN;
				alert.summary = record.path("summary").asString();
				alert.notified = record.path("notified").asBoolean();
				List<String> owed = new ArrayList<>();
				record.path("owed").forEach((receiver) -> owed.add(receiver.asString()));
				alert.owe(new java.util.LinkedHashSet<>(owed));
				this.instances.put(alert.id, alert);
				refresh(alert);
				restored++;
			}
			catch (RuntimeException ex) {
				logger.warn("The alert record " + name + " cannot be read; it is dropped", ex);
				this.store.saveState(name, new byte[0]);
			}
		}
		long oldest = this.clock.millis() - this.history;
		List<String> names = this.store.states(CHANGE_PREFIX);
		for (String name : names) {
			byte[] bytes = this.store.state(name);
			AlertChange change = (bytes != null) ? readChange(bytes) : null;
			if (change == null || change.time() < oldest) {
				this.store.saveState(name, new byte[0]);
				continue;
			}
			synchronized (this.changes) {
				this.changes.addFirst(Map.entry(name, change));
			}
		}
		prune();
		for (String name : this.store.states(SILENCE_PREFIX)) {
			byte[] bytes = this.store.state(name);
			if (bytes == null) {
				continue;
			}
			try {
				JsonNode record = this.json.readTree(bytes);
				Silence silence = new Silence(record.path("id").asString(), record.path("until").asLong(),
						record.path("by").asString(), record.path("comment").asString(), record.path("at").asLong());
				if (silence.until() > this.clock.millis()) {
					this.silences.put(silence.id(), silence);
				}
				else {
					this.store.saveState(name, new byte[0]);
				}
			}
			catch (RuntimeException ex) {
				this.store.saveState(name, new byte[0]);
			}
		}
		this.instances.values().forEach(this::refresh);
		if (restored > 0) {
			logger.info(restored + " alerts restored (" + this.counts.firing() + " firing)");
		}
	}

	private @Nullable AlertChange readChange(byte[] bytes) {
		try {
			JsonNode record = this.json.readTree(bytes);
			Map<String, String> labels = new LinkedHashMap<>();
			record.path("labels").properties().forEach((entry) -> labels.put(entry.getKey(), entry.getValue().asString()));
			return new AlertChange(record.path("time").asLong(), record.path("id").asString(),
					record.path("rule").asString(), record.path("node").asString(), labels,
					Severity.valueOf(record.path("severity").asString()), AlertState.valueOf(record.path("state").asString()),
					record.path("activeAt").asLong(),
					record.path("value").isNumber() ? record.path("value").asDouble() : Double.NaN,
					record.path("summary").asString());
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	// ---------------------------------------------------------------- the evaluator's side

	/** The instance of a rule on a node and match, the one restored if there is one. */
	AlertInstance instance(AlertRule rule, String node, String capture, String metric) {
		String id = AlertInstance.id(rule.name(), node, capture);
		AlertInstance existing = this.instances.get(id);
		if (existing != null && existing.rule == rule) {
			return existing;
		}
		AlertInstance created = new AlertInstance(rule, node, capture, metric);
		if (existing != null) {
			// restored before the rules were compiled again: keep its state
			created.state = existing.state;
			created.activeAt = existing.activeAt;
			created.firingAt = existing.firingAt;
			created.resolvedAt = existing.resolvedAt;
			created.changedAt = existing.changedAt;
			created.value = existing.value;
			created.summary = existing.summary;
			created.notified = existing.notified;
			created.owe(existing.owed());
		}
		this.instances.put(id, created);
		if (created.state.isActive()) {
			this.activeInstances.put(id, created);
		}
		return created;
	}

	Collection<AlertInstance> instances() {
		return this.instances.values();
	}

	Collection<AlertInstance> activeInstances() {
		return this.activeInstances.values();
	}

	/**
	 * Keeps an instance's state: it is in the log at once; {@link SeriesStore#awaitState} with the
	 * position makes it durable. An inactive instance that owes nothing needs no record.
	 */
	long save(AlertInstance alert) {
		synchronized (alert) {
			boolean keep = alert.state.isActive() || alert.state == AlertState.RESOLVED && !alert.owesNothing();
			if (!keep) {
				return this.store.saveState(INSTANCE_PREFIX + alert.id, new byte[0]);
			}
			Map<String, Object> record = new LinkedHashMap<>();
			record.put("rule", alert.rule.name());
			record.put("node", alert.node);
			record.put("capture", alert.capture);
			record.put("metric", alert.metric);
			record.put("state", alert.state.name());
			record.put("activeAt", alert.activeAt);
			record.put("firingAt", alert.firingAt);
			record.put("resolvedAt", alert.resolvedAt);
			record.put("changedAt", alert.changedAt);
			record.put("value", Double.isNaN(alert.value) ? null : alert.value);
			record.put("summary", alert.summary);
			record.put("notified", alert.notified);
			record.put("owed", alert.owed());
			return this.store.saveState(INSTANCE_PREFIX + alert.id, this.json.writeValueAsBytes(record));
		}
	}

	/** A receiver was told of the change at {@code changedAt}: it owes nothing more for it. */
	void delivered(String receiver, Notification notification) {
		AlertInstance alert = this.instances.get(notification.id());
		if (alert == null) {
			return;
		}
		long position = 0;
		synchronized (alert) {
			if (alert.delivered(receiver, notification.changedAt())) {
				position = save(alert);
			}
		}
		// what a receiver was told is on disk before the next is sent: a crash does not tell it twice
		this.store.awaitState(position);
	}

	/** Logs a change that receivers hear about: kept for {@code statwall.alerts.history}. */
	long record(AlertChange change) {
		String name = CHANGE_PREFIX + String.format("%013d", change.time()) + "-" + change.id();
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("time", change.time());
		record.put("id", change.id());
		record.put("rule", change.rule());
		record.put("node", change.node());
		record.put("labels", change.labels());
		record.put("severity", change.severity().name());
		record.put("state", change.state().name());
		record.put("activeAt", change.activeAt());
		record.put("value", Double.isNaN(change.value()) ? null : change.value());
		record.put("summary", change.summary());
		long position = this.store.saveState(name, this.json.writeValueAsBytes(record));
		synchronized (this.changes) {
			this.changes.addFirst(Map.entry(name, change));
		}
		prune();
		return position;
	}

	private void prune() {
		long oldest = this.clock.millis() - this.history;
		List<String> dropped = new ArrayList<>();
		synchronized (this.changes) {
			while (!this.changes.isEmpty()
					&& (this.changes.size() > MAX_CHANGES || this.changes.peekLast().getValue().time() < oldest)) {
				dropped.add(this.changes.pollLast().getKey());
			}
		}
		dropped.forEach((name) -> this.store.saveState(name, new byte[0]));
	}

	/** Brings what readers see of an instance up to date with it. */
	void refresh(AlertInstance alert) {
		if (alert.state.isActive()) {
			this.activeInstances.put(alert.id, alert);
			this.active.put(alert.id, view(alert));
		}
		else {
			this.activeInstances.remove(alert.id);
			this.active.remove(alert.id);
		}
		recount(alert.node);
	}

	/** Forgets a node's instances (the node was forgotten); their receivers were told by the evaluator. */
	void forget(String node) {
		this.instances.values().removeIf((alert) -> {
			if (!alert.node.equals(node)) {
				return false;
			}
			this.activeInstances.remove(alert.id);
			this.active.remove(alert.id);
			return alert.owesNothing();
		});
		recount(node);
	}

	private void recount(String node) {
		Severity worstOfNode = null;
		int critical = 0;
		int warning = 0;
		int pending = 0;
		for (AlertView view : this.active.values()) {
			if (view.state() == AlertState.PENDING) {
				pending++;
				continue;
			}
			if (view.severity() == Severity.CRITICAL) {
				critical++;
			}
			else {
				warning++;
			}
			if (view.node().equals(node) && (worstOfNode == null || view.severity() == Severity.CRITICAL)) {
				worstOfNode = view.severity();
			}
		}
		this.counts = new AlertCounts(critical, warning, pending);
		if (worstOfNode != null) {
			this.worst.put(node, worstOfNode.key());
		}
		else {
			this.worst.remove(node);
		}
	}

	private AlertView view(AlertInstance alert) {
		return new AlertView(alert.id, alert.rule.name(), alert.node, alert.labels(), alert.rule.severity(), alert.state,
				alert.activeAt, (alert.state == AlertState.FIRING) ? alert.firingAt : 0, alert.value, alert.summary,
				this.silences.get(alert.id));
	}

	/** Tells listeners (the live page) what changed. */
	void published(List<AlertChange> changed) {
		for (Consumer<List<AlertChange>> listener : this.listeners) {
			try {
				listener.accept(changed);
			}
			catch (RuntimeException ex) {
				logger.debug("An alert listener failed", ex);
			}
		}
	}

	/** Called on the evaluator's thread after each change, and after a silence. */
	public void onChange(Consumer<List<AlertChange>> listener) {
		this.listeners.add(listener);
	}

	// ---------------------------------------------------------------- silences

	/**
	 * Silences an alert: nothing is sent for it until then.
	 * @throws UnknownAlertException when there is no such alert
	 * @throws IllegalArgumentException when the duration is not from a minute to {@link #MAX_SILENCE}
	 */
	public Silence silence(String id, Duration duration, String by, String comment) {
		AlertInstance alert = this.instances.get(id);
		if (alert == null) {
			throw new UnknownAlertException(id);
		}
		if (duration.compareTo(Duration.ofMinutes(1)) < 0 || duration.compareTo(MAX_SILENCE) > 0) {
			throw new IllegalArgumentException(
					"a silence lasts from 1m to " + MAX_SILENCE.toDays() + "d, was " + duration.toString().substring(2).toLowerCase());
		}
		long now = this.clock.millis();
		Silence silence = new Silence(id, now + duration.toMillis(), by, comment, now);
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("id", id);
		record.put("until", silence.until());
		record.put("by", by);
		record.put("comment", comment);
		record.put("at", now);
		this.store.awaitState(this.store.saveState(SILENCE_PREFIX + id, this.json.writeValueAsBytes(record)));
		this.silences.put(id, silence);
		logger.info("Alert " + alert + " silenced until " + silence.untilText() + " by " + by);
		refresh(alert);
		published(List.of());
		return silence;
	}

	/**
	 * Ends a silence.
	 * @throws UnknownAlertException when there is no such alert
	 * @return whether it was silenced
	 */
	public boolean unsilence(String id, String by) {
		AlertInstance alert = this.instances.get(id);
		if (alert == null) {
			throw new UnknownAlertException(id);
		}
		Silence removed = this.silences.remove(id);
		if (removed == null) {
			return false;
		}
		this.store.awaitState(this.store.saveState(SILENCE_PREFIX + id, new byte[0]));
		logger.info("Alert " + alert + " no longer silenced (" + by + ")");
		refresh(alert);
		published(List.of());
		return true;
	}

	boolean silenced(String id, long now) {
		Silence silence = this.silences.get(id);
		if (silence == null) {
			return false;
		}
		if (silence.until() > now) {
			return true;
		}
		if (this.silences.remove(id, silence)) {
			this.store.saveState(SILENCE_PREFIX + id, new byte[0]);
			AlertInstance alert = this.instances.get(id);
			if (alert != null) {
				refresh(alert);
			}
		}
		return false;
	}

	// ---------------------------------------------------------------- reads

	public AlertCounts counts() {
		return this.counts;
	}

	/** Pending and firing alerts, firing and critical first. */
	public List<AlertView> active() {
		List<AlertView> views = new ArrayList<>(this.active.values());
		views.sort(ORDER);
		return views;
	}

	public List<AlertView> active(String node) {
		List<AlertView> views = new ArrayList<>();
		for (AlertView view : this.active.values()) {
			if (view.node().equals(node)) {
				views.add(view);
			}
		}
		views.sort(ORDER);
		return views;
	}

	/** The newest changes first, at most {@code limit}; of one node when {@code node} is not null. */
	public List<AlertChange> changes(@Nullable String node, int limit) {
		List<AlertChange> found = new ArrayList<>();
		synchronized (this.changes) {
			for (Map.Entry<String, AlertChange> entry : this.changes) {
				if (found.size() >= limit) {
					break;
				}
				if (node == null || entry.getValue().node().equals(node)) {
					found.add(entry.getValue());
				}
			}
		}
		return found;
	}

	/** Any alert this statwall knows, active or not. */
	public Optional<AlertView> find(String id) {
		AlertInstance alert = this.instances.get(id);
		return (alert != null) ? Optional.of(view(alert)) : Optional.empty();
	}

	@Override
	public @Nullable String worst(String node) {
		return this.worst.get(node);
	}

	public long now() {
		return this.clock.millis();
	}

	/** No alert of this id: the web layer answers 404. */
	public static final class UnknownAlertException extends RuntimeException {

		UnknownAlertException(String id) {
			super("no alert '" + id + "' here", null, false, false);
		}

	}

}
