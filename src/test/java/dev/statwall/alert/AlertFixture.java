package dev.statwall.alert;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import dev.statwall.alert.AlertProperties.Rule;
import dev.statwall.series.HistoryProperties;
import dev.statwall.series.Origin;
import dev.statwall.series.SeriesStore;
import dev.statwall.testing.MutableClock;

import org.springframework.util.unit.DataSize;

import static org.awaitility.Awaitility.await;

/**
 * The alerts of a hub (or a standalone node) over a real series store, with a clock the test
 * moves and one receiver that records what it was sent. {@link #restart()} builds everything
 * again over the same store, as a restarted process would find it.
 */
final class AlertFixture implements AutoCloseable {

	static final Instant START = Instant.parse("2026-11-24T12:00:00Z");

	final MutableClock clock;

	final List<Rule> rules;

	final @Nullable String localNode;

	final @Nullable Path directory;

	final Receiver receiver = new Receiver();

	SeriesStore store;

	AlertBoard board;

	Notifier notifier;

	AlertEvaluator evaluator;

	private final Map<String, Long> seqs = new HashMap<>();

	private final String run = "run-" + System.nanoTime();

	/** A hub's alerts (every node) with these rules and no bundled ones, in memory. */
	static AlertFixture hub(Rule... rules) {
		return new AlertFixture(new MutableClock(START), List.of(rules), null, null);
	}

	AlertFixture(MutableClock clock, List<Rule> rules, @Nullable String localNode, @Nullable Path directory) {
		this.clock = clock;
		this.rules = rules;
		this.localNode = localNode;
		this.directory = directory;
		this.store = openStore();
		build();
	}

	private SeriesStore openStore() {
		HistoryProperties history = HistoryProperties.of(true,
				new HistoryProperties.Tier(Duration.ofDays(14), DataSize.ofGigabytes(1)),
				new HistoryProperties.Tier(Duration.ofDays(90), DataSize.ofGigabytes(1)),
				new HistoryProperties.Tier(Duration.ofDays(730), DataSize.ofGigabytes(1)), true, Duration.ofMinutes(5));
		return (this.directory != null) ? SeriesStore.open(history, this.clock, this.directory)
				: SeriesStore.inMemory(history, this.clock);
	}

	private void build() {
		AlertProperties properties = properties(this.rules);
		AlertRules compiled = AlertRules.of(properties, Duration.ofSeconds(30));
		this.board = new AlertBoard(this.store, this.clock, JsonMapper.builder().build(), properties.history());
		this.board.restore(compiled);
		Outbox outbox = new Outbox("test", this.receiver, 100, Duration.ofMillis(10), Duration.ofMillis(50),
				this.board::delivered, new SimpleMeterRegistry());
		this.notifier = new Notifier(List.of(outbox), Set.of("test"));
		this.evaluator = new AlertEvaluator(compiled, this.store, this.board, this.notifier, this.clock, this.localNode,
				Duration.ofSeconds(3).toMillis(), Duration.ofSeconds(30).toMillis());
	}

	static AlertProperties properties(List<Rule> rules) {
		return new AlertProperties(true, false, rules, Duration.ofDays(7), 100, Duration.ofMillis(10),
				Duration.ofMillis(50), Duration.ofSeconds(5), URI.create("http://statwall.test"),
				new AlertProperties.Alertmanager(List.of(), Duration.ofMinutes(1)), List.of(),
				new AlertProperties.Email(List.of(), null));
	}

	/** A rule: above {@code above} on {@code metric}, with the given hold time and clear level. */
	static Rule above(String name, String metric, double above, Duration holdFor, @Nullable Double clearBelow) {
		return new Rule(name, true, metric, null, above, null, null, null, holdFor, clearBelow, null, Severity.WARNING,
				null);
	}

	/** One sample of a node now. */
	void sample(String node, Map<String, Double> values) {
		String[] names = values.keySet().toArray(new String[0]);
		double[] numbers = new double[names.length];
		for (int i = 0; i < names.length; i++) {
			numbers[i] = values.get(names[i]);
		}
		long seq = this.seqs.merge(node, 1L, Long::sum);
		this.store.append(node, this.clock.millis(), names, numbers, 1000, new Origin(this.run, seq, 0));
	}

	void sample(String node, String metric, double value) {
		sample(node, Map.of(metric, value));
	}

	/** Moves the clock a second, samples, evaluates: what a node sending every second looks like. */
	void second(String node, String metric, double value) {
		this.clock.advance(Duration.ofSeconds(1));
		sample(node, metric, value);
		this.evaluator.evaluate();
	}

	void tick(Duration after) {
		this.clock.advance(after);
		this.evaluator.evaluate();
	}

	/** The changes receivers hear about, oldest first. */
	List<String> changes() {
		List<String> changes = new ArrayList<>();
		this.board.changes(null, 1000).forEach((change) -> changes.add(0, change.state() + " " + change.rule() + " "
				+ change.node() + (change.labels().size() > 3 ? " " + change.labels() : "")));
		return changes;
	}

	/** Waits until the receiver holds {@code count} notifications, and returns them as "state rule node". */
	List<String> received(int count) {
		await().atMost(Duration.ofSeconds(10)).until(() -> this.receiver.received.size() >= count);
		return this.receiver.received.stream().map((n) -> n.state() + " " + n.rule() + " " + n.node()).toList();
	}

	/** Builds everything again over the same store: a restart. The store is reopened from disk when it has one. */
	void restart() {
		this.notifier.close();
		if (this.directory != null) {
			this.store.close();
			this.store = openStore();
		}
		build();
	}

	@Override
	public void close() {
		this.notifier.close();
		this.store.close();
	}

	/** Records what it is sent; fails while told to, as a receiver that is down. */
	static final class Receiver implements Outbox.Sender {

		final List<Notification> received = new CopyOnWriteArrayList<>();

		final AtomicInteger failures = new AtomicInteger();

		volatile boolean down;

		@Override
		public void send(List<Notification> batch) throws Exception {
			if (this.down) {
				this.failures.incrementAndGet();
				throw new java.io.IOException("connection refused (the test's receiver is down)");
			}
			this.received.addAll(batch);
		}

		@Override
		public int batchSize() {
			return 10;
		}

		@Override
		public String describe() {
			return "the test's receiver";
		}

	}

}
