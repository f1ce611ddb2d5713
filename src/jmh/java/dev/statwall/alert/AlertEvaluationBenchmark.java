package dev.statwall.alert;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import tools.jackson.databind.json.JsonMapper;

import dev.statwall.alert.AlertProperties.Rule;
import dev.statwall.series.HistoryProperties;
import dev.statwall.series.Origin;
import dev.statwall.series.SeriesStore;
import dev.statwall.testing.MutableClock;

import org.springframework.util.unit.DataSize;

/**
 * One evaluation of every rule on every node of a hub: {@code nodes} nodes of 40 metrics each (four
 * cores, three mounts, two interfaces, a temperature), twelve minutes of history each, the bundled
 * rules plus ten more (windows from 1 to 10 minutes, wildcards over cores and interfaces). Before each
 * evaluation every node gets one new sample and the clock moves a second, as on a hub whose nodes
 * sample every second; that setup is not timed. The time of one evaluation over one second is the
 * share of a core the alerts take.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AlertEvaluationBenchmark {

	static final String[] METRICS = { "cpu.usage", "cpu.core.0.usage", "cpu.core.1.usage", "cpu.core.2.usage",
			"cpu.core.3.usage", "cpu.iowait", "cpu.steal", "cpu.cores", "load.1", "load.5", "load.15", "memory.usage",
			"memory.used", "memory.available", "memory.total", "swap.usage", "swap.used", "swap.total", "fs./.usage",
			"fs./.used", "fs./.total", "fs./boot.usage", "fs./data.usage", "net.rx", "net.tx", "net.eth0.rx",
			"net.eth0.tx", "net.wlan0.rx", "net.wlan0.tx", "net.errors", "disk.read", "disk.write", "disk.read_ops",
			"disk.write_ops", "processes.count", "threads.count", "system.uptime", "sensors.cpu.temperature",
			"sensors.fan.0", "net.drops" };

	@Param({ "5000" })
	public int nodes;

	private MutableClock clock;

	private SeriesStore store;

	private AlertEvaluator evaluator;

	private Notifier notifier;

	private String[] names;

	private final SplittableRandom random = new SplittableRandom(42);

	private double[][] base;

	private long seq;

	@Setup(Level.Trial)
	public void fill() {
		this.clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));
		this.store = SeriesStore.inMemory(HistoryProperties.of(false,
				new HistoryProperties.Tier(Duration.ofMinutes(20), DataSize.ofGigabytes(4)),
				new HistoryProperties.Tier(Duration.ofDays(1), DataSize.ofGigabytes(1)),
				new HistoryProperties.Tier(Duration.ofDays(7), DataSize.ofGigabytes(1)), false, Duration.ofMinutes(5)),
				this.clock);
		this.names = new String[this.nodes];
		this.base = new double[this.nodes][METRICS.length];
		for (int n = 0; n < this.nodes; n++) {
			this.names[n] = String.format("node-%04d", n);
			for (int m = 0; m < METRICS.length; m++) {
				this.base[n][m] = this.random.nextDouble(5, 60);
			}
			// a few nodes with a full disk, a hot CPU or busy memory: alerts that fire and stay firing
			if (n % 50 == 0) {
				this.base[n][18] = 95;
			}
			if (n % 70 == 0) {
				this.base[n][37] = 83;
			}
		}
		for (int s = 0; s < 12 * 60; s++) {
			second();
		}
		AlertProperties properties = new AlertProperties(true, true, moreRules(), Duration.ofDays(7), 10_000,
				Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofSeconds(10), URI.create("http://statwall.example"),
				new AlertProperties.Alertmanager(List.of(), Duration.ofMinutes(1)), List.of(),
				new AlertProperties.Email(List.of(), null));
		AlertRules rules = AlertRules.of(properties, Duration.ofSeconds(30));
		AlertBoard board = new AlertBoard(this.store, this.clock, JsonMapper.builder().build(), Duration.ofDays(7));
		board.restore(rules);
		Outbox outbox = new Outbox("bench", new Outbox.Sender() {
			@Override
			public void send(List<Notification> batch) {
			}

			@Override
			public int batchSize() {
				return 64;
			}

			@Override
			public String describe() {
				return "nowhere";
			}
		}, 100_000, Duration.ofSeconds(1), Duration.ofSeconds(5), board::delivered, new SimpleMeterRegistry());
		this.notifier = new Notifier(List.of(outbox), Set.of());
		this.evaluator = new AlertEvaluator(rules, this.store, board, this.notifier, this.clock, null, 3_000, 30_000);
		// the first evaluation builds every node's plan and fires what fires: not the steady state
		this.evaluator.evaluate();
		for (int s = 0; s < 120; s++) {
			second();
			this.evaluator.evaluate();
		}
	}

	/** Ten rules besides the bundled ones: plain values, wildcards, windows of every kind. */
	static List<Rule> moreRules() {
		List<Rule> rules = new ArrayList<>();
		rules.add(rule("load_high", "load.1", 80.0, null, null, null));
		rules.add(rule("net_in_busy", "net.rx", 1e9, Duration.ofMinutes(5), WindowFunction.AVG, null));
		rules.add(rule("net_out_peak", "net.tx", 1e9, Duration.ofMinutes(5), WindowFunction.MAX, null));
		rules.add(rule("disk_writes", "disk.write", 1e9, Duration.ofMinutes(1), WindowFunction.AVG, null));
		rules.add(rule("memory_creeping", "memory.usage", 85.0, Duration.ofMinutes(10), WindowFunction.MIN, null));
		rules.add(rule("core_pinned", "cpu.core.*.usage", 99.0, null, null, Duration.ofMinutes(5)));
		rules.add(rule("interface_flood", "net.*.rx", 1e9, null, null, null));
		rules.add(rule("temperature_trend", "sensors.cpu.temperature", 82.0, Duration.ofMinutes(10), WindowFunction.AVG,
				null));
		rules.add(rule("cpu_spike", "cpu.usage", 99.0, Duration.ofMinutes(1), WindowFunction.MAX, null));
		rules.add(new Rule("rebooted", true, "system.uptime", null, null, 1.0, null, null, null, null, null,
				Severity.WARNING, null));
		return rules;
	}

	private static Rule rule(String name, String metric, double above, Duration window, WindowFunction function,
			Duration holdFor) {
		return new Rule(name, true, metric, null, above, null, window, function, holdFor, null, null, Severity.WARNING,
				null);
	}

	/** Every node's next sample, one second later. */
	void second() {
		this.clock.advance(Duration.ofSeconds(1));
		this.seq++;
		long now = this.clock.millis();
		double[] values = new double[METRICS.length];
		for (int n = 0; n < this.nodes; n++) {
			for (int m = 0; m < METRICS.length; m++) {
				values[m] = Math.max(0, this.base[n][m] + this.random.nextDouble(-2, 2));
			}
			this.store.append(this.names[n], now, METRICS, values, 1000, new Origin("bench", this.seq, 0));
		}
	}

	@Setup(Level.Invocation)
	public void nextSecond() {
		second();
	}

	@Benchmark
	public void evaluate() {
		this.evaluator.evaluate();
	}

	@TearDown(Level.Trial)
	public void close() {
		this.notifier.close();
		this.store.close();
	}

}
