package dev.statwall.card;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.statwall.sampling.Reading;
import dev.statwall.series.HistoryProperties;
import dev.statwall.series.Origin;
import dev.statwall.series.SampleNames;
import dev.statwall.series.SeriesStore;
import dev.statwall.series.Tables;
import dev.statwall.testing.FakeProbe;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/** A hub shows each node with that node's own cores and sensors, not the hub's. */
class NodeDashboardTests {

	private final Dashboard hubDashboard;

	private final SeriesStore store = SeriesStore.inMemory(HistoryProperties.of(true,
			new HistoryProperties.Tier(Duration.ofDays(1), DataSize.ofMegabytes(16)),
			new HistoryProperties.Tier(Duration.ofDays(1), DataSize.ofMegabytes(16)),
			new HistoryProperties.Tier(Duration.ofDays(1), DataSize.ofMegabytes(16)), false, Duration.ofMinutes(5)),
			Clock.systemUTC());

	private final NodeDashboards dashboards;

	private final CardSeries cards;

	private long seq;

	NodeDashboardTests() throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		for (PropertySource<?> source : new YamlPropertySourceLoader().load("bundled",
				new ClassPathResource("application.yml"))) {
			environment.getPropertySources().addFirst(source);
		}
		// the hub itself: two cores, no temperature sensor
		this.hubDashboard = new Dashboard(Binder.get(environment).bind("statwall", DashboardProperties.class).get(),
				new FakeProbe().metrics());
		this.dashboards = new NodeDashboards(this.hubDashboard, "hub");
		this.cards = new CardSeries(this.store, new Tables(), this.dashboards);
	}

	private void append(String node, long time, Reading reading) {
		String[] names = new SampleNames().of(reading.values().keySet());
		this.store.append(node, time, names, SampleNames.values(names, reading.values()), 1000,
				new Origin("run", ++this.seq, 0));
	}

	@Test
	void whenAFourCorePiWithASensorReportsThenItsCardsHaveFourCoreLinesAndItsTemperature() {
		Map<String, Double> values = new HashMap<>(new FakeProbe().read().values());
		values.put("cpu.core.2.usage", 30.0);
		values.put("cpu.core.3.usage", 40.0);
		values.put("sensors.cpu.temperature", 48.5);
		append("pi-07", 1_000, new Reading(values, Map.of(), Map.of()));

		CardDefinition cpu = this.cards.dashboard("pi-07").card("home.cpu").orElseThrow();
		assertThat(cpu.columnNames()).contains("core0", "core1", "core2", "core3");
		CardDefinition temperature = this.cards.dashboard("pi-07").card("home.temperature").orElseThrow();
		assertThat(temperature.available()).isTrue();
		assertThat(this.cards.rows("pi-07", temperature).value()).isEqualTo("48.5 °C");
		assertThat(this.cards.rows("pi-07", cpu).rows().get(0).values()).contains(30.0, 40.0);

		assertThat(this.hubDashboard.card("home.cpu").orElseThrow().columnNames()).doesNotContain("core2");
		assertThat(this.hubDashboard.card("home.temperature").orElseThrow().available()).isFalse();
	}

	@Test
	void whenANodeLacksAMetricThenItsCardShowsNaInsteadOfStoppingTheHub() {
		append("tiny", 1_000, new Reading(Map.of("cpu.usage", 12.0), Map.of(), Map.of()));
		CardDefinition memory = this.cards.dashboard("tiny").card("home.memory").orElseThrow();
		assertThat(this.cards.rows("tiny", memory).value()).isEqualTo("n/a");
		assertThat(this.cards.rows("tiny", this.cards.dashboard("tiny").card("monitor.cpu_stats").orElseThrow()).value())
			.isEqualTo("12.0%");
	}

	@Test
	void whenNodesReportTheSameMetricsThenTheyShareOneDashboardAndAMissingReadingRebuildsNothing() {
		Reading reading = new FakeProbe().read();
		append("a", 1_000, reading);
		append("b", 1_000, reading);
		assertThat(this.cards.dashboard("a")).isSameAs(this.cards.dashboard("b"));
		Dashboard before = this.cards.dashboard("a");
		append("a", 2_000, new Reading(Map.of("cpu.usage", 1.0), Map.of(), Map.of()));
		assertThat(this.cards.dashboard("a")).isSameAs(before);
		assertThat(this.cards.rows("a", before.card("monitor.cpu_stats").orElseThrow()).rows()).hasSize(2);
	}


}
