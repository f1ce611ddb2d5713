package dev.statwall.hub;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.statwall.card.Box;
import dev.statwall.card.CardType;
import dev.statwall.card.Dashboard;
import dev.statwall.card.DashboardProperties;
import dev.statwall.sampling.Metric;
import dev.statwall.card.NodeDashboards;
import dev.statwall.sampling.Unit;
import dev.statwall.series.HistoryProperties;
import dev.statwall.series.SeriesStore;
import dev.statwall.series.Tables;
import dev.statwall.testing.MutableClock;
import dev.statwall.wire.SampleBatch;

import org.springframework.util.unit.DataSize;

/** A hub's registry with the tutorial's two cards, a clock the test moves and the events it published. */
public final class HubFixture {

	static final Instant START = Instant.parse("2026-11-24T12:00:00Z");

	public final MutableClock clock = new MutableClock(START);

	final Dashboard dashboard = new Dashboard(new DashboardProperties(List.of(new DashboardProperties.Page("/monitor",
			"Monitor",
			List.of(card("cpu_stats", "cpu.usage"), card("mem_stats", "memory.usage"))))),
			List.of(new Metric("cpu.usage", Unit.PERCENT, "cpu"), new Metric("memory.usage", Unit.PERCENT, "memory")));

	final SeriesStore store = SeriesStore.inMemory(history(), this.clock);

	final Tables tables = new Tables();

	final NodeDashboards dashboards = new NodeDashboards(this.dashboard, "hub");

	final HubLimits limits;

	final List<Object> events = new CopyOnWriteArrayList<>();

	public final HubProperties properties;

	public final NodeRegistry nodes;

	public HubFixture() {
		this(properties());
	}

	public HubFixture(HubProperties properties) {
		this(properties, HubLimits.defaults());
	}

	HubFixture(HubProperties properties, HubLimits limits) {
		this.properties = properties;
		this.limits = limits;
		this.nodes = new NodeRegistry(this.store, this.tables, this.dashboards, this.events::add, this.clock,
				properties, this.limits, new SimpleMeterRegistry());
	}

	static HubProperties properties() {
		return new HubProperties("s3cret", false, Duration.ofSeconds(3), Duration.ofSeconds(30),
				DataSize.ofMegabytes(1), Duration.ofMinutes(5), Duration.ofHours(24));
	}

	static HistoryProperties history() {
		return HistoryProperties.of(true, new HistoryProperties.Tier(Duration.ofDays(14), DataSize.ofGigabytes(1)),
				new HistoryProperties.Tier(Duration.ofDays(90), DataSize.ofGigabytes(1)),
				new HistoryProperties.Tier(Duration.ofDays(730), DataSize.ofGigabytes(1)), false, Duration.ofMinutes(5));
	}

	private static DashboardProperties.Card card(String name, String metric) {
		return new DashboardProperties.Card(name, CardType.SMALL_SERIES_STAT, Box.valueOf("1 1 1 1"), name,
				"={{usage}}%", "", "", metric, java.util.List.of(), java.util.List.of(), 15, "blue",
				dev.statwall.card.PlotType.AREA, dev.statwall.card.PlotCurve.LINEAR, 100, null, null,
				java.util.List.of(), null, "", false);
	}

	/** A batch of consecutive samples one interval apart, ending now. */
	public SampleBatch batch(String node, String run, long firstSeq, int count) {
		long[] seq = new long[count];
		long[] time = new long[count];
		double[][] values = new double[2][count];
		long now = this.clock.millis();
		for (int i = 0; i < count; i++) {
			seq[i] = firstSeq + i;
			time[i] = now - (count - 1 - i) * 1000L;
			values[0][i] = seq[i] % 100;
			values[1][i] = 50;
		}
		return new SampleBatch(1, node, run, 1000, 0, seq, time, new String[] { "cpu.usage", "memory.usage" },
				values, Map.of(), Map.of());
	}

	/** The agent sequence numbers the hub took from a node, as the read API shows them. */
	List<Long> taken(String node) {
		return this.store.origins(node, 0, 100_000).stream().map((row) -> (long) row.value(0)).toList();
	}

}
