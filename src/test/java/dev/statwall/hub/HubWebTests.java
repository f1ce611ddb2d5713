package dev.statwall.hub;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.statwall.StatwallApplication;
import dev.statwall.testing.FakeProbeConfiguration;
import dev.statwall.testing.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The hub's pages and API in a full hub context, with a clock the test moves. */
@SpringBootTest(properties = { "statwall.role=hub", "statwall.hub.token=s3cret", "statwall.hub.sample-self=false",
		"statwall.sampling.interval=1h" })
@AutoConfigureMockMvc
@Import({ FakeProbeConfiguration.class, HubWebTests.Clocks.class })
class HubWebTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private MutableClock clock;

	@Autowired
	private NodeRegistry nodes;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		String dir = Files.createTempDirectory("statwall-hub-web").toString();
		registry.add("statwall.data-dir", () -> dir);
	}

	@BeforeEach
	void forgetEveryone() {
		this.clock.advance(Duration.ofHours(1));
		this.nodes.states().forEach((state) -> this.nodes.forget(state.name()));
	}

	@Test
	void whenNodesReportThenTheOverviewShowsATileEachWithStatusValuesAndTheSummary() throws Exception {
		ingest("web-1", 1, 12.5, 40);
		ingest("web-2", 1, 97, 80);
		this.clock.advance(Duration.ofSeconds(5));
		ingest("web-1", 2, 14, 41);

		String html = this.mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(tile(html, "web-1")).contains("data-status=\"online\"").contains("<span class=\"cpu\">14.0%</span>")
			.contains("href=\"/nodes/web-1\"").contains("--v: 41");
		assertThat(tile(html, "web-2")).contains("data-status=\"stale\"").contains("last seen 5 s ago")
			.contains("<span class=\"cpu\">97.0%</span>");
		assertThat(html).contains("<b data-summary=\"online\">1</b>").contains("<b data-summary=\"stale\">1</b>")
			.contains("<b data-summary=\"cpuAvg\">14.0%</b>").contains("/css/cluster.css").contains("/js/overview.js");
	}

	@Test
	void whenHtmxAsksTheSameUrlThenOnlyTheTilesComeBackFilteredAndSorted() throws Exception {
		ingest("web-a", 1, 10, 40);
		ingest("web-b", 1, 90, 40);
		ingest("db-c", 1, 50, 40);
		String fragment = this.mvc.perform(get("/").param("q", "WEB").param("sort", "cpu").header("HX-Request", "true"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(fragment).startsWith("<section id=\"tiles\"").doesNotContain("<html").doesNotContain("db-c");
		assertThat(fragment.indexOf("data-node=\"web-b\"")).as("busiest first")
			.isLessThan(fragment.indexOf("data-node=\"web-a\""));

		String offline = this.mvc.perform(get("/").param("status", "offline").header("HX-Request", "true"))
			.andReturn().getResponse().getContentAsString();
		assertThat(offline).doesNotContain("data-node=").contains("No node matches.");
		String paged = this.mvc.perform(get("/").param("size", "2").param("page", "2").header("HX-Request", "true"))
			.andReturn().getResponse().getContentAsString();
		assertThat(paged).contains("data-node=\"web-b\"").doesNotContain("data-node=\"web-a\"")
			.contains("3 nodes, page 2 of 2");
	}

	@Test
	void whenTheOverviewIsAskedNonsenseThenItSaysWhichParameterIsWrong() throws Exception {
		this.mvc.perform(get("/").param("sort", "sideways")).andExpect(status().isBadRequest())
			.andExpect(content().string("'sort' must be name, cpu, memory or network"));
		this.mvc.perform(get("/").param("status", "sleeping")).andExpect(status().isBadRequest())
			.andExpect(content().string("'status' must be all, online, stale, offline or alerting"));
		this.mvc.perform(get("/").param("page", "0")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/").param("size", "100000")).andExpect(status().isBadRequest());
	}

	@Test
	void whenANodeIsOpenedThenItsPageShowsTheStandaloneCardsForThatNodeAndItsStatus() throws Exception {
		ingest("web-1", 1, 12.5, 40);
		ingest("web-1", 2, 22.5, 41);
		String html = this.mvc.perform(get("/nodes/web-1/monitor")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(html).contains("data-card=\"monitor.cpu_stats\"").contains("data-node=\"web-1\"")
			.contains("<p class=\"card-value\">22.5%</p>").contains("id=\"node-status\"")
			.contains("data-status=\"online\"").contains("/js/live.js").contains("/js/overview.js");
		this.clock.advance(Duration.ofMinutes(2));
		this.mvc.perform(get("/nodes/web-1").header("HX-Request", "true")).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.allOf(
					org.hamcrest.Matchers.startsWith("<span id=\"node-status\""),
					org.hamcrest.Matchers.containsString("data-status=\"offline\""),
					org.hamcrest.Matchers.containsString("last seen 2 min ago"))));
		this.mvc.perform(get("/nodes/nobody")).andExpect(status().isNotFound())
			.andExpect(content().string("no node 'nobody' on this hub"));
	}

	@Test
	void whenForgettingFromThePageThenTheTokenIsAskedForAndOnlyAnOfflineNodeGoes() throws Exception {
		ingest("web-1", 1, 12.5, 40);
		this.mvc.perform(delete("/nodes/web-1").header("HX-Prompt", "guess")).andExpect(status().isUnauthorized());
		this.mvc.perform(delete("/nodes/web-1").header("HX-Prompt", "s3cret")).andExpect(status().isConflict())
			.andExpect(content().string("node 'web-1' is online (last seen 0 s ago); only an offline node can be forgotten"));
		this.clock.advance(Duration.ofMinutes(1));
		this.mvc.perform(delete("/nodes/web-1").param("then", "overview").header("HX-Prompt", "s3cret"))
			.andExpect(status().isOk()).andExpect(header().string("HX-Redirect", "/"));
		this.mvc.perform(get("/nodes/web-1")).andExpect(status().isNotFound());
	}

	@Test
	void whenTheReadApiIsAskedThenEachNodeComesWithStatusLastSeenValuesAndRows() throws Exception {
		ingest("web-1", 1, 12.5, 40);
		ingest("web-1", 2, 13.5, Double.NaN);
		Instant seen = this.clock.instant();
		this.clock.advance(Duration.ofSeconds(4));
		this.mvc.perform(get("/api/v1/nodes")).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].name").value("web-1"))
			.andExpect(jsonPath("$[0].status").value("stale"))
			.andExpect(jsonPath("$[0].lastSeen").value(seen.toString()))
			.andExpect(jsonPath("$[0].lastSeq").value(2))
			.andExpect(jsonPath("$[0].values['cpu.usage']").value(13.5))
			.andExpect(jsonPath("$[0].values['memory.usage']").value(org.hamcrest.Matchers.nullValue()))
			.andExpect(jsonPath("$[0].values['net.rx']").doesNotExist());
		this.mvc.perform(get("/api/v1/nodes/web-1/cards/monitor.cpu_stats").param("after", "1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows.length()").value(1))
			.andExpect(jsonPath("$.rows[0].seq").value(2))
			.andExpect(jsonPath("$.rows[0].text").value("13.5%"));
		this.mvc.perform(get("/api/v1/nodes/web-1/samples")).andExpect(jsonPath("$.samples[1].sample").value(2))
			.andExpect(jsonPath("$.samples[1].run").value(1));
		this.mvc.perform(get("/api/v1/nodes/web-1/cards/nope")).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.reason").value(org.hamcrest.Matchers.startsWith("no card 'nope'")));
		this.mvc.perform(get("/api/v1/nodes/web-1/cards/monitor.cpu_stats").param("after", "x"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.reason").value("'after' must be a whole number"));
		this.mvc.perform(delete("/api/v1/nodes/web-1")).andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Bearer realm=\"statwall\""));
		this.mvc.perform(delete("/api/v1/nodes/web-1").header("Authorization", "Bearer s3cret"))
			.andExpect(status().isConflict());
		this.clock.advance(Duration.ofMinutes(1));
		this.mvc.perform(delete("/api/v1/nodes/web-1").header("Authorization", "Bearer s3cret"))
			.andExpect(status().isNoContent());
	}

	@Test
	void whenAHubHasNoTokenThenItDoesNotStartAndSaysWhichKeyToSet() {
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(StatwallApplication.class)
			.properties("statwall.role=hub", "server.port=0", "statwall.sampling.interval=1h",
					"statwall.data-dir=" + Files.createTempDirectory("statwall-no-token"))
			.run().close()).withStackTraceContaining("a hub needs a token").withStackTraceContaining("statwall.hub.token");
	}

	private void ingest(String node, long seq, double cpu, double memory) throws Exception {
		String body = String.format(Locale.ROOT,
				"{\"version\":1,\"node\":\"%s\",\"run\":\"r1\",\"interval\":1000,\"seq\":[%d],\"time\":[%d],"
						+ "\"values\":{\"cpu.usage\":[%s],\"memory.usage\":[%s]}}",
				node, seq, this.clock.millis(), cpu, Double.isNaN(memory) ? "null" : String.valueOf(memory));
		this.mvc.perform(post("/api/v1/ingest").header("Authorization", "Bearer s3cret")
			.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk());
	}

	private static String tile(String html, String node) {
		int at = html.indexOf("data-node=\"" + node + "\"");
		assertThat(at).as("a tile for %s", node).isPositive();
		return html.substring(html.lastIndexOf("<div class=\"tile\"", at), html.indexOf("</button>", at));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
		}

	}

}
