package dev.statwall.hub;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.statwall.testing.Browser;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overview in a real browser, fed over real HTTP by the simulator running inside the hub:
 * 256 nodes on one 1920 × 1080 screen, updating once a second, and the dying node going stale and
 * then offline before our eyes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "statwall.role=hub", "statwall.hub.token=browser", "statwall.hub.sample-self=false",
				"statwall.hub.stale-after=2s", "statwall.hub.offline-after=6s", "statwall.simulator.enabled=true",
				"statwall.simulator.nodes=256", "statwall.simulator.die-after=20s", "statwall.sampling.interval=1h" })
class ClusterOverviewBrowserTests {

	private static final String DYING = "sim-256";

	@LocalServerPort
	private int port;

	private ChromeDriver browser;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		String dir = Files.createTempDirectory("statwall-overview").toString();
		registry.add("statwall.data-dir", () -> dir);
	}

	@AfterEach
	void quit() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void whenTheSimulatorFeeds256NodesThenAllTilesFitOneScreenUpdateLiveAndTheDyingNodeGoesStaleThenOffline()
			throws Exception {
		this.browser = Browser.start(1920, 1080, false);
		// the page itself gets 1920 × 1080, as on a full-HD wall screen, whatever the window's frame takes
		this.browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 1920, "height", 1080, "deviceScaleFactor", 1, "mobile", false));
		this.browser.get("http://localhost:" + this.port + "/");
		WebDriverWait wait = new WebDriverWait(this.browser, Browser.DEADLINE);
		wait.until((driver) -> "live".equals(this.browser.findElement(By.id("live-status")).getAttribute("data-state")));
		// the page may have loaded before every node's first sample; the tiles are fetched again when nodes appear
		wait.until((driver) -> tiles().size() == 256);

		Map<String, String> seen = attribute("data-seen");
		Map<String, String> cpu = texts(".cpu");
		// most tiles move: four nodes flap and may stay silent for the whole wait, and on a machine
		// busy with other work a few may take longer than it; updating at all is what is tested here
		wait.until((driver) -> changed(seen, attribute("data-seen")) >= 200);
		// all but the dying and the flapping nodes online at once
		wait.until((driver) -> attribute("data-status").values().stream().filter("online"::equals).count() >= 250);
		wait.until((driver) -> changed(cpu, texts(".cpu")) >= 200);
		assertThat(texts(".cpu").values()).allMatch((text) -> text.matches("\\d+\\.\\d%|n/a"));

		wait.until((driver) -> "stale".equals(tile(DYING).getAttribute("data-status")));
		WebElement dying = tile(DYING);
		WebElement stale = dying;
		// dimmed once the 0.3 s fade is over
		wait.until((driver) -> Double.parseDouble(stale.getCssValue("opacity")) < 0.7);
		assertThat(dying.findElement(By.cssSelector(".foot")).getText()).matches("last seen \\d+ s ago");
		assertThat(dying.findElement(By.cssSelector(".cpu")).getText()).as("its last value stays").matches("\\d+\\.\\d%");
		new WebDriverWait(this.browser, Browser.DEADLINE)
			.until((driver) -> "offline".equals(tile(DYING).getAttribute("data-status")));
		dying = tile(DYING);
		assertThat(dying.getCssValue("filter")).isEqualTo("grayscale(1)");
		WebElement offline = dying;
		wait.until((driver) -> Double.parseDouble(offline.getCssValue("opacity")) < 0.5); // after the fade
		assertThat(dying.findElement(By.cssSelector(".forget")).isDisplayed()).isTrue();
		assertThat(dying.findElement(By.cssSelector(".cpu")).getText()).as("still its last value").matches("\\d+\\.\\d%");
		assertThat(dying.findElement(By.cssSelector(".foot")).getText()).matches("last seen \\d+ s ago");
		wait.until((driver) -> "1".equals(this.browser.findElement(By.cssSelector("[data-summary='offline']")).getText()));

		Object overflow = this.browser
			.executeScript("return document.documentElement.scrollHeight - window.innerHeight");
		assertThat(((Number) overflow).longValue()).as("256 tiles without scrolling").isLessThanOrEqualTo(0);
		assertThat(this.browser.executeScript("return [window.innerWidth, window.innerHeight]")).isEqualTo(List.of(1920L, 1080L));
		Browser.screenshot(this.browser, "cluster.png");
	}

	@Test
	void whenANodePageShowsTheLastHourThenTheSimulatorsSamplesAreThereWithTheirMinMaxBand() throws Exception {
		// every sample the simulator sent over HTTP is in the hub's history
		java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
		String history = "http://localhost:" + this.port + "/api/v1/nodes/sim-001/history?metric=memory.usage&from=-1h&points=10000";
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		tools.jackson.databind.JsonNode series = null;
		while (System.nanoTime() < deadline) {
			series = tools.jackson.databind.json.JsonMapper.builder().build().readTree(http
				.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(history)).build(),
						java.net.http.HttpResponse.BodyHandlers.ofString())
				.body());
			if (series.path("avg").valueStream().filter((v) -> !v.isNull()).count() >= 12) {
				break;
			}
			Thread.sleep(250);
		}
		assertThat(series).isNotNull();
		assertThat(series.path("tier").asInt()).isZero();
		assertThat(series.path("avg").valueStream().filter((v) -> !v.isNull()).count()).isGreaterThanOrEqualTo(12);

		// a node that sends ten minutes of backlog at once, as an agent does after an outage: more
		// samples than the card has points, so the page's hour is buckets of 12 s, each with its spread
		int count = 600;
		long now = System.currentTimeMillis();
		long[] seq = new long[count];
		long[] time = new long[count];
		double[][] values = new double[1][count];
		for (int i = 0; i < count; i++) {
			seq[i] = i + 1;
			time[i] = now - (count - i) * 1000L;
			values[0][i] = 40 + 20 * Math.sin(i / 7.0);
		}
		byte[] body = dev.statwall.wire.SampleBatchWriter.write(new dev.statwall.wire.SampleBatch(1, "backlog", "run-1",
				1000, 0, seq, time, new String[] { "memory.usage" }, values, Map.of(), Map.of()));
		java.net.http.HttpResponse<String> taken = http.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/api/v1/ingest"))
			.header("Authorization", "Bearer browser")
			.header("Content-Type", "application/json")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);

		this.browser = Browser.start(1400, 900, false);
		this.browser.get("http://localhost:" + this.port + "/nodes/backlog?range=1h");
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
		String memory = "[...(window.statwall ? window.statwall.cards.values() : [])].find(c => c.id === 'home.memory')";
		wait.until((driver) -> Boolean.TRUE.equals(this.browser.executeScript("const c = " + memory + "; return !!(c && c.plot);")));
		assertThat(this.browser.executeScript("return " + memory + ".plot.bands.length")).isEqualTo(1L);
		assertThat(this.browser.executeScript("""
				const h = %s.history.series[0];
				return h.min.some((v, i) => v != null && v < h.max[i]);""".formatted(memory)))
			.as("some bucket spans more than one value: the band has a width").isEqualTo(true);
		assertThat(this.browser.findElement(By.cssSelector(".ranges .range[aria-current='true']")).getText())
			.isEqualTo("1h");

	}

	private List<WebElement> tiles() {
		return this.browser.findElements(By.cssSelector("#tiles .tile"));
	}

	private WebElement tile(String node) {
		return this.browser.findElement(By.cssSelector("#tiles .tile[data-node='" + node + "']"));
	}

	@SuppressWarnings("unchecked")
	private Map<String, String> attribute(String name) {
		return (Map<String, String>) this.browser.executeScript(
				"const out = {}; document.querySelectorAll('#tiles .tile').forEach(t => out[t.dataset.node] = t.getAttribute(arguments[0])); return out;",
				name);
	}

	@SuppressWarnings("unchecked")
	private Map<String, String> texts(String selector) {
		return (Map<String, String>) this.browser.executeScript(
				"const out = {}; document.querySelectorAll('#tiles .tile').forEach(t => out[t.dataset.node] = t.querySelector(arguments[0]).textContent); return out;",
				selector);
	}

	private static long changed(Map<String, String> before, Map<String, String> now) {
		Map<String, String> copy = new HashMap<>(now);
		return before.entrySet().stream().filter((e) -> copy.containsKey(e.getKey())
				&& !String.valueOf(copy.get(e.getKey())).equals(e.getValue())).count();
	}

}
