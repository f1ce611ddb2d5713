package dev.statwall.alert;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.statwall.testing.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts in Chromium: the header's badge and the overview's outlines follow alerts live, {@code /alerts}
 * lists them and drops a resolved one without a reload, and a summary with HTML in it shows as text.
 */
class AlertBrowserTests extends AlertHubContext {

	private static final String HOSTILE = "<img src=x onerror=\"document.title='owned'\">";

	private ChromeDriver browser;

	@AfterEach
	void quit() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void whenAlertsFireAndResolveThenTheBadgeTheTileAndTheAlertsPageFollowLiveAndShowSummariesAsText() throws Exception {
		sample("pi-07", Map.of("memory.usage", 97.0, "cpu.usage", 40.0, "fs./.usage", 50.0), Map.of("system.os", HOSTILE));
		sample("pi-08", Map.of("memory.usage", 30.0, "cpu.usage", 10.0, "fs./.usage", 50.0), Map.of());
		sample("pi-09", Map.of("memory.usage", 35.0, "cpu.usage", 12.0, "fs./var.usage", 93.0), Map.of());
		evaluate();

		this.browser = Browser.start(1280, 720, false);
		this.browser.get("http://localhost:" + this.port + "/");
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
		// htmx swaps lists in while a condition reads them: read again
		wait.ignoring(StaleElementReferenceException.class);
		wait.until((driver) -> "live".equals(this.browser.findElement(By.id("live-status")).getAttribute("data-state")));
		WebElement pi07 = tile("pi-07");
		assertThat(pi07.getAttribute("data-alert")).isEqualTo("critical");
		assertThat(pi07.getCssValue("outline-style")).isEqualTo("solid");
		assertThat(tile("pi-09").getAttribute("data-alert")).isEqualTo("warning");
		assertThat(tile("pi-08").getCssValue("outline-style")).isEqualTo("none");
		assertThat(badge("critical")).isEqualTo(String.valueOf(this.board.counts().critical()));

		// pi-08 starts to fire while the page is open: the badge and its tile follow without a reload
		int warnings = this.board.counts().warning();
		sample("pi-08", Map.of("memory.usage", 30.0, "cpu.usage", 10.0, "fs./.usage", 99.0), Map.of());
		evaluate();
		wait.until((driver) -> badge("warning").equals(String.valueOf(warnings + 1)));
		wait.until((driver) -> "warning".equals(tile("pi-08").getAttribute("data-alert")));
		assertThat(this.browser.findElement(By.id("alert-badge")).getAttribute("data-warning"))
			.isEqualTo(String.valueOf(warnings + 1));

		this.browser.get("http://localhost:" + this.port + "/alerts");
		wait.until((driver) -> "live".equals(this.browser.findElement(By.id("live-status")).getAttribute("data-state")));
		WebElement row = row("pi-07", "memory_high");
		assertThat(row.findElement(By.cssSelector(".summary")).getText()).isEqualTo("97.0% memory used on pi-07 (" + HOSTILE + ")");
		assertThat(this.browser.findElements(By.cssSelector("#alert-board img"))).as("the summary is text, not HTML").isEmpty();
		assertThat(this.browser.getTitle()).isNotEqualTo("owned");
		assertThat(row.getAttribute("data-severity")).isEqualTo("critical");
		assertThat(row("pi-08", "disk_full").getText()).contains("mount=/");
		this.browser.executeScript("window.scrollTo(0, 0)");
		Browser.screenshot(this.browser, "alerts.png");

		// pi-08's disk is cleaned up: its row goes away live, and the change shows among the changes
		sample("pi-08", Map.of("memory.usage", 30.0, "cpu.usage", 10.0, "fs./.usage", 60.0), Map.of());
		evaluate();
		wait.until((driver) -> this.browser.findElements(By.cssSelector("#alert-board table:not(.changes) tbody tr"))
			.stream()
			.noneMatch((tr) -> tr.getText().contains("pi-08")));
		assertThat(this.browser.findElements(By.cssSelector("#alert-board table.changes tr[data-state='resolved']")).stream()
			.anyMatch((tr) -> tr.getText().contains("pi-08") && tr.getText().contains("disk_full"))).isTrue();
		assertThat(badge("warning")).isEqualTo(String.valueOf(warnings));
	}

	private WebElement tile(String node) {
		return this.browser.findElement(By.cssSelector(".tile[data-node='" + node + "']"));
	}

	private String badge(String severity) {
		return this.browser.findElement(By.cssSelector("#alert-badge .count[data-severity='" + severity + "']")).getText();
	}

	private WebElement row(String node, String rule) {
		return this.browser.findElements(By.cssSelector("#alert-board table:not(.changes) tbody tr"))
			.stream()
			.filter((tr) -> tr.getText().contains(node) && tr.getText().contains(rule))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row for " + rule + " on " + node));
	}

}
