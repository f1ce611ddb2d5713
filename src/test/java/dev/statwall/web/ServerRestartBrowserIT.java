package dev.statwall.web;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.statwall.testing.Browser;
import dev.statwall.testing.StatwallProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar, on JDK 25 where it is installed, restarted under an open page: the page never
 * blanks, never reloads, and carries on once the server is back.
 */
class ServerRestartBrowserIT {

	private static final Path JDK_17 = Path.of(System.getProperty("java.home"));

	private static final Path JDK_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

	private ChromeDriver browser;

	private StatwallProcess server;

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
	void whenTheServerRestartsThenThePageKeepsItsPointsReconnectsAndCarriesOnWithoutReloading() throws Exception {
		int port = StatwallProcess.freePort();
		String data = "--statwall.data-dir=" + StatwallProcess.dataDir("restart");
		this.server = StatwallProcess.startHealthy(JDK_17, port, "restart-1", "--statwall.sampling.interval=250ms", data);
		this.browser = Browser.start(900, 420, false);
		this.browser.get(this.server.url("/monitor"));
		WebDriverWait wait = new WebDriverWait(this.browser, Browser.DEADLINE);
		wait.until((driver) -> "live".equals(state()) && points() >= 6);
		this.browser.executeScript("window.__sameDocument = true");

		this.server.kill();
		wait.until((driver) -> "reconnecting".equals(state()));
		int held = points();
		assertThat(held).as("the last known state stays").isGreaterThanOrEqualTo(6);
		assertThat(value()).matches("\\d+\\.\\d%");

		this.server = StatwallProcess.startHealthy(JDK_17, port, "restart-2", "--statwall.sampling.interval=250ms", data);
		wait.until((driver) -> "live".equals(state()));
		long epochBefore = epoch();
		wait.until((driver) -> epoch() != epochBefore || seqAfterRestart() > 3);
		wait.until((driver) -> points() == 15);
		assertThat(this.browser.executeScript("return window.__sameDocument === true"))
			.as("no reload").isEqualTo(true);
		assertThat(value()).matches("\\d+\\.\\d%");
		assertThat(timesAscendingWithoutDuplicates()).isTrue();
	}

	@Test
	void whenRunOnJdk25ThenTheTutorialPageIsServedLive() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(JDK_25.resolve("bin/java")), "JDK 25 is not installed at " + JDK_25);
		this.server = StatwallProcess.startHealthy(JDK_25, StatwallProcess.freePort(), "jdk25",
				"--statwall.sampling.interval=250ms");
		assertThat(this.server.get("/monitor").body()).contains("<h2 class=\"card-title\">CPU</h2>");
		this.browser = Browser.start(900, 420, false);
		this.browser.get(this.server.url("/"));
		WebDriverWait wait = new WebDriverWait(this.browser, Browser.DEADLINE);
		wait.until((driver) -> "live".equals(state()) && points() >= 3);
		assertThat(this.server.tail()).doesNotContain("ERROR");
	}

	private String state() {
		return String.valueOf(this.browser.executeScript("return document.getElementById('live-status').dataset.state"));
	}

	private int points() {
		Object points = this.browser.executeScript(
				"const c = document.querySelector('[data-points]'); return c ? Number(c.dataset.points) : 0");
		return ((Number) points).intValue();
	}

	private String value() {
		return String.valueOf(this.browser.executeScript(
				"return document.querySelector('[data-card=\"monitor.cpu_stats\"] .card-value').textContent"));
	}

	private long epoch() {
		return ((Number) this.browser.executeScript(
				"return [...window.statwall.cards.values()].find(c => c.id === 'monitor.cpu_stats').epoch")).longValue();
	}

	private long seqAfterRestart() {
		return ((Number) this.browser.executeScript(
				"return [...window.statwall.cards.values()].find(c => c.id === 'monitor.cpu_stats').lastSeq")).longValue();
	}

	private boolean timesAscendingWithoutDuplicates() {
		return (Boolean) this.browser.executeScript("""
				const rows = [...window.statwall.cards.values()].find(c => c.id === 'monitor.cpu_stats').rows;
				return rows.every((r, i) => i === 0 || r.time > rows[i - 1].time);""");
	}

}
