package dev.statwall.web;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.statwall.card.Dashboard;
import dev.statwall.card.PageDefinition;
import dev.statwall.series.Origin;
import dev.statwall.series.SeriesStore;
import dev.statwall.testing.FakeProbeConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The history API on a standalone node, the same URLs as a hub's. The node's history is written
 * straight into the store (the sampler is an hour away), so every answer is known.
 */
@SpringBootTest(properties = { "statwall.sampling.interval=1h", "statwall.node-name=api-node" })
@AutoConfigureMockMvc
@Import(FakeProbeConfiguration.class)
class HistoryApiTests {

	private static final String[] METRICS = { "cpu.usage", "memory.usage", "memory.used" };

	private static final long T0 = (System.currentTimeMillis() / 1000 - 600) * 1000;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private SeriesStore store;

	@Autowired
	private CardViews views;

	@Autowired
	private Dashboard dashboard;

	@BeforeEach
	void threeSamplesThenAMinuteOfSilenceThenOne() {
		this.store.forget("api-node");
		append(1, T0, 10.004);
		append(2, T0 + 1000, 20);
		append(3, T0 + 2000, 30);
		append(4, T0 + 60_000, 40);
	}

	private void append(long seq, long time, double cpu) {
		this.store.append("api-node", time, METRICS, new double[] { cpu, 50, 4096 }, 1000, new Origin("run", seq, 0));
	}

	private ResultActions history(String... parameters) throws Exception {
		var request = get("/api/v1/nodes/api-node/history");
		for (int i = 0; i < parameters.length; i += 2) {
			request.param(parameters[i], parameters[i + 1]);
		}
		return this.mvc.perform(request);
	}

	/** The browser formats nothing: a history card carries each point's hover tip as the server wrote it. */
	@Test
	void whenACardShowsARangeThenEachPointsTipIsFormattedByTheServer() {
		PageDefinition monitor = this.dashboard.pages().stream().filter((page) -> page.path().equals("/monitor")).findFirst()
			.orElseThrow();
		CardView cpu = this.views.page(monitor, "api-node", TimeRange.of(null, String.valueOf(T0), String.valueOf(T0 + 3000),
				T0 + 3000))
			.stream()
			.filter((view) -> view.card().metrics().equals(List.of("cpu.usage")))
			.findFirst()
			.orElseThrow();
		JsonNode json = JsonMapper.builder().build().readTree(cpu.json());
		assertThat(json.path("history").asBoolean()).isTrue();
		List<String> tips = new ArrayList<>();
		json.path("tips").forEach((tip) -> tips.add(tip.asString()));
		assertThat(tips).contains("10.0%", "20.0%", "30.0%");
	}

	@Test
	void whenAskedForAMetricThenEverySampleComesAtItsTimeAndTheSilenceIsAGap() throws Exception {
		history("metric", "cpu.usage", "from", String.valueOf(T0), "to", String.valueOf(T0 + 60_000))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.node").value("api-node"))
			.andExpect(jsonPath("$.metric").value("cpu.usage"))
			.andExpect(jsonPath("$.unit").value("percent"))
			.andExpect(jsonPath("$.tier").value(0))
			.andExpect(jsonPath("$.step").value(1.0))
			.andExpect(jsonPath("$.time", contains(T0, T0 + 1000, T0 + 2000, T0 + 3000, T0 + 60_000)))
			// kept at the metric's precision: hundredths of a percent
			.andExpect(jsonPath("$.avg[0]").value(10.0))
			.andExpect(jsonPath("$.avg[2]").value(30.0))
			.andExpect(jsonPath("$.avg[3]").value(nullValue()))
			.andExpect(jsonPath("$.max[4]").value(40.0));
	}

	@Test
	void whenThereAreMoreSamplesThanPointsThenEachPointIsABucketWithItsMinAndMax() throws Exception {
		history("metric", "cpu.usage", "from", String.valueOf(T0), "to", String.valueOf(T0 + 59_999), "points", "2")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.step").value(30.0))
			.andExpect(jsonPath("$.time", hasSize(2)))
			.andExpect(jsonPath("$.avg[0]").value(20.0))
			.andExpect(jsonPath("$.min[0]").value(10.0))
			.andExpect(jsonPath("$.max[0]").value(30.0));
	}

	@Test
	void whenMetricsRepeatOrUseAPatternThenEachMatchingSeriesComesUnderSeries() throws Exception {
		history("metric", "cpu.usage", "metric", "memory.*", "from", "-1h", "to", "now")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.series[*].metric", contains("cpu.usage", "memory.usage", "memory.used")))
			.andExpect(jsonPath("$.series[2].unit").value("bytes"))
			.andExpect(jsonPath("$.series[2].avg[0]").value(4096.0));
	}

	@Test
	void whenAParameterIsWrongThenTheAnswerIs400NamingIt() throws Exception {
		history("metric", "cpu.usage", "from", "yesterday").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.reason", containsString("'from'")));
		history("metric", "cpu.usage", "to", "-1h", "from", "now").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.reason", containsString("'to'")));
		history("metric", "cpu.usage", "points", "0").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.reason", containsString("'points'")));
		history("metric", "cpu.usage", "points", "many").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.reason", containsString("'points'")));
		history("metric", "cpu.usage", "points", "10001").andExpect(status().isBadRequest());
		history().andExpect(status().isBadRequest()).andExpect(jsonPath("$.reason", containsString("'metric'")));
		history("metric", "no.such").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.reason", containsString("'metric' no.such matches nothing")));
		history("metric", "cpu.usage", "from", "\u0000\u00ff" + "x".repeat(500)).andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/nodes/elsewhere/history").param("metric", "cpu.usage"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.reason", containsString("elsewhere")));
	}

	@Test
	void whenTheNodesAreListedThenAStandaloneNodeListsItself() throws Exception {
		this.mvc.perform(get("/api/v1/nodes"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].name", contains("api-node")))
			.andExpect(jsonPath("$[0].status").value("online"))
			.andExpect(jsonPath("$[0].values['cpu.usage']").value(40.0));
		this.mvc.perform(get("/api/v1/nodes/api-node")).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/nodes/other")).andExpect(status().isNotFound());
	}

}
