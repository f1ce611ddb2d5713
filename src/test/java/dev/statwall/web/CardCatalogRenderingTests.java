package dev.statwall.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.statwall.sampling.Reading;
import dev.statwall.sampling.Sample;
import dev.statwall.testing.FakeProbe;
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

/** Every card type rendered by the server from known rows, as a browser without scripts shows it. */
@SpringBootTest(properties = { "statwall.sampling.interval=1h", "statwall.node-name=catalog",
		"statwall.pages[0].path=/catalog", "statwall.pages[0].title=Catalog",
		"statwall.pages[0].cards[0].name=net", "statwall.pages[0].cards[0].type=wide_series_stat",
		"statwall.pages[0].cards[0].box=1 1 4 2", "statwall.pages[0].cards[0].title=Network",
		"statwall.pages[0].cards[0].value=={{rate rx}} in", "statwall.pages[0].cards[0].aux-value=={{bits tx}} out",
		"statwall.pages[0].cards[0].series=net.rx,net.tx", "statwall.pages[0].cards[0].plot-curve=step",
		"statwall.pages[0].cards[1].name=mem", "statwall.pages[0].cards[1].type=wide_bar_stat",
		"statwall.pages[0].cards[1].box=5 1 2 1", "statwall.pages[0].cards[1].title=Memory",
		"statwall.pages[0].cards[1].value=={{bytes used}}", "statwall.pages[0].cards[1].metric=memory.used",
		"statwall.pages[0].cards[1].max-metric=memory.total",
		"statwall.pages[0].cards[2].name=root", "statwall.pages[0].cards[2].type=wide_gauge_stat",
		"statwall.pages[0].cards[2].box=5 2 2 1", "statwall.pages[0].cards[2].title=Root",
		"statwall.pages[0].cards[2].value=={{percent usage}}", "statwall.pages[0].cards[2].metric=fs./.usage",
		"statwall.pages[0].cards[3].name=up", "statwall.pages[0].cards[3].type=large_stat",
		"statwall.pages[0].cards[3].box=1 3 2 2", "statwall.pages[0].cards[3].title=Uptime",
		"statwall.pages[0].cards[3].value=={{duration uptime}}", "statwall.pages[0].cards[3].aux-value=={{text system.os}}",
		"statwall.pages[0].cards[3].caption==kernel {{text system.kernel}}",
		"statwall.pages[0].cards[3].metric=system.uptime",
		"statwall.pages[0].cards[4].name=notes", "statwall.pages[0].cards[4].type=markdown",
		"statwall.pages[0].cards[4].box=3 3 2 2", "statwall.pages[0].cards[4].title=Notes",
		"statwall.pages[0].cards[4].content=**Rack 4** <script>alert(1)</script> [docs](javascript:alert(1))",
		"statwall.pages[0].cards[5].name=top", "statwall.pages[0].cards[5].type=header",
		"statwall.pages[0].cards[5].box=5 3 2 1", "statwall.pages[0].cards[5].title=Rack 4",
		"statwall.pages[0].cards[5].content=<b>four</b> nodes",
		"statwall.pages[0].cards[6].name=load", "statwall.pages[0].cards[6].type=small_series_stat",
		"statwall.pages[0].cards[6].box=7 1 1 1", "statwall.pages[0].cards[6].metric=load.1",
		"statwall.pages[0].cards[6].plot-type=interval",
		"statwall.pages[0].cards[7].name=cores", "statwall.pages[0].cards[7].type=tall_series_stat",
		"statwall.pages[0].cards[7].box=8 1 1 3", "statwall.pages[0].cards[7].metric=cpu.usage",
		"statwall.pages[0].cards[7].series=cpu.core.*.usage" })
@AutoConfigureMockMvc
@Import(FakeProbeConfiguration.class)
class CardCatalogRenderingTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private FakeProbe probe;

	@Test
	void whenEveryCardTypeIsOnAPageThenEachShowsItsValuesWithoutScripts() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.events.publishEvent(new Sample(i + 1, System.currentTimeMillis(), this.probe.read()));
		}
		String html = this.mvc.perform(get("/catalog")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();

		String net = section(html, "catalog.net");
		long reads = this.probe.reads();
		assertThat(net).contains("class=\"card wide-series-stat\"")
			.contains("<p class=\"card-value\">" + String.format("%.2f KiB/s", (double) reads) + " in</p>")
			.contains("out</p>")
			.contains("<li class=\"s0\"><span class=\"swatch\"></span><span>rx</span></li>")
			.contains("<li class=\"s1\"><span class=\"swatch\"></span><span>tx</span></li>")
			.as("step curve: horizontal then vertical").containsPattern("class=\"line\" d=\"M[0-9.,]+H");

		String memory = section(html, "catalog.mem");
		assertThat(memory).contains("<p class=\"card-value\">4.00 GiB</p>").contains("style=\"width: 50.0%\"");

		String root = section(html, "catalog.root");
		assertThat(root).contains("<p class=\"card-value\">25.0%</p>").contains("stroke-dasharray=\"25.00 100\"");

		String uptime = section(html, "catalog.up");
		assertThat(uptime).contains("<p class=\"card-value\">1h 0m</p>")
			.contains("<p class=\"card-aux\">FakeOS 1.0</p>")
			.contains("<p class=\"card-caption\">kernel 6.1.0-fake</p>");

		String notes = section(html, "catalog.notes");
		assertThat(notes).contains("<strong>Rack 4</strong>")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>")
			.doesNotContain("href=\"javascript:");

		String header = section(html, "catalog.top");
		assertThat(header).contains("<h1 class=\"header-title\">Rack 4</h1>").contains("&lt;b&gt;four&lt;/b&gt; nodes");

		String load = section(html, "catalog.load");
		assertThat(load).as("interval plots draw bars").containsPattern("class=\"area\" d=\"M[0-9.,]+V[0-9.]+H");

		String cores = section(html, "catalog.cores");
		assertThat(cores).contains("class=\"card tall-series-stat\"").contains("<span>core 0</span>").contains("<span>core 1</span>")
			.contains("grid-area: 1 / 8 / span 3 / span 1");
	}

	@Test
	void whenAReadingHasNoValueForAGaugeThenItShowsNaAndAnEmptyGauge() throws Exception {
		this.events.publishEvent(new Sample(99, System.currentTimeMillis(), new Reading(Map.of(), Map.of(), Map.of())));
		String root = section(this.mvc.perform(get("/catalog")).andReturn().getResponse().getContentAsString(),
				"catalog.root");
		assertThat(root).contains("<p class=\"card-value\">n/a</p>").contains("stroke-dasharray=\"0.00 100\"");
	}

	static String section(String html, String card) {
		int start = html.indexOf("data-card=\"" + card + "\"");
		assertThat(start).as("card %s on the page", card).isPositive();
		return html.substring(html.lastIndexOf("<section", start), html.indexOf("</section>", start));
	}

}
