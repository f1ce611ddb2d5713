package dev.statwall.web;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.statwall.series.SeriesStore;
import dev.statwall.series.Tables;
import dev.statwall.sampling.Reading;
import dev.statwall.sampling.Sample;
import dev.statwall.testing.FakeProbeConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The page as a browser without scripts gets it: values and sparklines are already there. Samples
 * are published by hand (the scheduler is an hour away) so the rows are known.
 */
@SpringBootTest(properties = { "statwall.sampling.interval=1h", "statwall.node-name=render-node" })
@AutoConfigureMockMvc
@Import(FakeProbeConfiguration.class)
class PageRenderingTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private SeriesStore store;

	@Autowired
	private Tables tables;

	@Autowired
	private dev.statwall.testing.FakeProbe probe;

	@BeforeEach
	void startWithEmptyBuffers() {
		this.store.forget("render-node");
		this.tables.forget("render-node");
	}

	@Test
	void whenRenderedWithoutScriptsThenEachCardShowsItsValueAndItsSparklineAsSvg() throws Exception {
		sample(1, 10.0, 40.0);
		sample(2, 30.0, 41.0);
		sample(3, 20.5, 42.25);
		String html = this.mvc.perform(get("/monitor")).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		String cpu = section(html, "monitor.cpu_stats");
		assertThat(cpu).contains("<h2 class=\"card-title\">CPU</h2>").contains("<p class=\"card-value\">20.5%</p>");
		assertThat(cpu).contains("<title>10.0% at ").contains("<title>30.0% at ").contains("<title>20.5% at ");
		// three points, the highest (30) at the top with headroom, y pinned at zero
		assertThat(cpu).contains("class=\"line\" d=\"M0.00,70.00L50.00,10.00L100.00,38.50\"");
		assertThat(cpu).contains("grid-area: 1 / 1 / span 1 / span 1").contains("--plot: var(--red)");
		String memory = section(html, "monitor.mem_stats");
		assertThat(memory).contains("<h2 class=\"card-title\">Memory</h2>")
			.contains("<p class=\"card-value\">42.3%</p>")
			.contains("grid-area: 2 / 1 / span 1 / span 1")
			.contains("--plot: var(--blue)");
	}

	@Test
	void whenNoNewSampleArrivesThenAReloadShowsTheSameRows() throws Exception {
		sample(1, 5.0, 50.0);
		String first = section(this.mvc.perform(get("/monitor")).andReturn().getResponse().getContentAsString(),
				"monitor.cpu_stats");
		String second = section(this.mvc.perform(get("/monitor")).andReturn().getResponse().getContentAsString(),
				"monitor.cpu_stats");
		assertThat(second).isEqualTo(first).contains("5.0%");
	}

	@Test
	void whenAReadingIsMissingThenTheCardSaysNaAndTheChartHasAGap() throws Exception {
		sample(1, 10.0, 50.0);
		this.events.publishEvent(new Sample(2, System.currentTimeMillis(), new Reading(Map.of(), Map.of(), Map.of())));
		sample(3, 10.0, 50.0);
		this.events.publishEvent(new Sample(4, System.currentTimeMillis(), new Reading(Map.of(), Map.of(), Map.of())));
		String cpu = section(this.mvc.perform(get("/monitor")).andReturn().getResponse().getContentAsString(),
				"monitor.cpu_stats");
		assertThat(cpu).contains("<p class=\"card-value\">n/a</p>").contains("<title>n/a at ");
		assertThat(cpu).as("a gap starts a new line").containsPattern("class=\"line\" d=\"M[^\"]*M[^\"]*\"");
	}

	@Test
	void whenAPageDoesNotExistThenItIsNotFound() throws Exception {
		this.mvc.perform(get("/nope")).andExpect(status().isNotFound());
	}

	@Test
	void whenATableIsSortedByAColumnItLacksThenTheAnswerIs400WithTheReason() throws Exception {
		String reason = this.mvc.perform(get("/cards/render-node/home.processes/table").param("sort", "salary"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getErrorMessage();
		assertThat(reason).contains("sort must be one of the card's columns").contains("salary");
		this.mvc.perform(get("/cards/render-node/home.processes/table").param("sort", "cpu").param("dir", "sideways"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/cards/render-node/home.nope/table")).andExpect(status().isNotFound());
	}

	@Test
	void whenATableIsSortedThenHtmxGetsTheRowsInThatOrder() throws Exception {
		sample(1, 5.0, 50.0);
		String html = this.mvc.perform(get("/cards/render-node/home.processes/table").param("sort", "name").param("dir", "asc"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).startsWith("<div class=\"table-wrap\"").contains("aria-sort=\"ascending\"");
		assertThat(html.indexOf(">init<")).isLessThan(html.indexOf(">java<"));
	}

	private void sample(long tick, double cpu, double memory) {
		Reading known = this.probe.read();
		Map<String, Double> values = new java.util.HashMap<>(known.values());
		values.put("cpu.usage", cpu);
		values.put("memory.usage", memory);
		this.events.publishEvent(new Sample(tick, System.currentTimeMillis(), new Reading(values, known.texts(), known.tables())));
	}

	private static String section(String html, String card) {
		int start = html.indexOf("data-card=\"" + card + "\"");
		assertThat(start).as("card %s on the page", card).isPositive();
		return html.substring(html.lastIndexOf("<section", start), html.indexOf("</section>", start));
	}

}
