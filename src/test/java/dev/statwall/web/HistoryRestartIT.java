package dev.statwall.web;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.statwall.testing.Browser;
import dev.statwall.testing.StatwallProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A standalone node keeps its history across a crash: the jar samples for a while, is killed
 * with SIGKILL, stays down a few seconds and starts again. The history API and the page then show
 * the samples from before the kill (at most the last few seconds missing) and a gap where it was down.
 */
class HistoryRestartIT {

	private static final Path JAVA = Path.of(System.getProperty("java.home"));

	private static final String CPU = "cpu.usage";

	private final JsonMapper json = JsonMapper.builder().build();

	private StatwallProcess server;

	private ChromeDriver browser;

	@AfterEach
	void stop() throws InterruptedException {
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void whenKilledAndRestartedThenHistoryKeepsWhatCameBeforeWithAGapForTheDowntime() throws Exception {
		int port = StatwallProcess.freePort();
		String data = "--statwall.data-dir=" + StatwallProcess.dataDir("history");
		String[] arguments = { "--statwall.sampling.interval=250ms", "--statwall.node-name=crashy", data };
		this.server = StatwallProcess.startHealthy(JAVA, port, "history-1", arguments);
		Instant started = Instant.now();
		List<Point> before = awaitPoints(20);
		// what it holds just before the kill; the last second may still be on its way to the disk
		Instant fetched = Instant.now();
		before = points(started, "now").stream().filter((p) -> p.time() < fetched.toEpochMilli() - 1_000).toList();
		Instant killed = Instant.now();
		this.server.kill();
		Thread.sleep(3_000); // the downtime the history must show as a gap, not a line
		this.server = StatwallProcess.startHealthy(JAVA, port, "history-2", arguments);
		Instant restarted = Instant.now();
		awaitPointsAfter(restarted, 4);

		List<Point> after = points(started, "now");
		// everything from before the kill is still there, value for value
		for (Point point : before) {
			assertThat(after).as("sample at %s, from before the kill", Instant.ofEpochMilli(point.time()))
				.contains(point);
		}
		long lastBefore = after.stream()
			.filter((p) -> p.time() < killed.toEpochMilli() && p.value() != null)
			.mapToLong(Point::time)
			.max()
			.orElseThrow();
		assertThat(killed.toEpochMilli() - lastBefore).as("at most 5 s lost to the kill").isLessThanOrEqualTo(5_000);
		// the downtime is a gap: a null point, and no sample in it
		assertThat(after).filteredOn((p) -> p.time() > lastBefore && p.time() < restarted.toEpochMilli() - 1_000)
			.allMatch((p) -> p.value() == null)
			.isNotEmpty();

		// the page, zoomed to that span, draws the points from before the kill and breaks the line
		this.browser = Browser.start(1200, 800, false);
		this.browser.get(this.server.url("/?from=" + started + "&to=" + Instant.now()));
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
		wait.until((driver) -> Boolean.TRUE.equals(this.browser.executeScript(
				"const c = [...(window.statwall ? window.statwall.cards.values() : [])].find(c => c.id === 'home.memory');"
						+ " return !!(c && c.plot);")));
		Number early = (Number) this.browser.executeScript("""
				const c = [...window.statwall.cards.values()].find(c => c.id === 'home.memory');
				return c.history.time.filter((t, i) => t < arguments[0] && c.history.series[0].avg[i] != null).length;""",
				killed.toEpochMilli());
		assertThat(early.intValue()).as("points from before the kill on the page").isGreaterThanOrEqualTo(before.size() - 20);
		assertThat(this.browser.executeScript("""
				const c = [...window.statwall.cards.values()].find(c => c.id === 'home.memory');
				return c.history.series[0].avg.some((v) => v == null);""")).as("the gap").isEqualTo(true);

	}

	private List<Point> awaitPoints(int count) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		List<Point> points = List.of();
		while (System.nanoTime() < deadline) {
			points = points(Instant.now().minusSeconds(120), "now");
			if (points.stream().filter((p) -> p.value() != null).count() >= count) {
				return points;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("fewer than " + count + " samples within 60 s: " + points);
	}

	private void awaitPointsAfter(Instant after, int count) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			if (points(after, "now").stream().filter((p) -> p.value() != null).count() >= count) {
				return;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("no new samples after the restart within 60 s");
	}

	/** Every sample from {@code from}, one point each (tier 0, not bucketed). */
	private List<Point> points(Instant from, String to) throws Exception {
		String body = this.server.get("/api/v1/nodes/crashy/history?metric=" + CPU + "&from=" + from + "&to=" + to
				+ "&points=10000").body();
		JsonNode series = this.json.readTree(body);
		assertThat(series.path("tier").asInt(-1)).as(body).isZero();
		List<Point> points = new ArrayList<>();
		for (int i = 0; i < series.path("time").size(); i++) {
			JsonNode value = series.path("avg").get(i);
			points.add(new Point(series.path("time").get(i).asLong(), value.isNull() ? null : value.asDouble()));
		}
		return points;
	}

	record Point(long time, Double value) {
	}

}
