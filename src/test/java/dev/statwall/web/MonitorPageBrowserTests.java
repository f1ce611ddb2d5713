package dev.statwall.web;

import java.util.List;

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

import static org.assertj.core.api.Assertions.assertThat;

/** The tutorial's page in a real browser, fed by the real OSHI probe. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "statwall.sampling.interval=200ms")
class MonitorPageBrowserTests {

	@LocalServerPort
	private int port;

	private ChromeDriver browser;

	@AfterEach
	void quit() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void whenMonitorIsOpenThenValuesAndSparklinesMoveAndHoldExactlyFifteenPoints() throws Exception {
		this.browser = Browser.start(900, 420, false);
		this.browser.get("http://localhost:" + this.port + "/monitor");
		WebDriverWait wait = new WebDriverWait(this.browser, Browser.DEADLINE);
		wait.until((driver) -> "live".equals(status()));

		WebElement cpu = card("monitor.cpu_stats");
		WebElement memory = card("monitor.mem_stats");
		assertThat(cpu.findElement(By.cssSelector(".card-title")).getText()).isEqualTo("CPU");
		assertThat(memory.findElement(By.cssSelector(".card-title")).getText()).isEqualTo("Memory");
		assertThat(cpu.findElements(By.cssSelector(".uplot canvas"))).as("uPlot draws the live chart").isNotEmpty();

		long firstSeq = seq(cpu);
		List<Object> firstTimes = times("monitor.cpu_stats");
		wait.until((driver) -> seq(cpu) >= firstSeq + 3);
		// its points' times: on a machine kept busy the values can all be 100 %
		assertThat(times("monitor.cpu_stats")).as("the sparkline moved").isNotEqualTo(firstTimes);
		assertThat(cpu.findElement(By.cssSelector(".card-value")).getText()).matches("\\d+\\.\\d%");
		assertThat(memory.findElement(By.cssSelector(".card-value")).getText()).matches("\\d+\\.\\d%");

		// 15-row buffers: once more than 15 samples went by, exactly 15 points stay
		wait.until((driver) -> seq(cpu) > 18 && seq(memory) > 18);
		assertThat(cpu.getAttribute("data-points")).isEqualTo("15");
		assertThat(memory.getAttribute("data-points")).isEqualTo("15");
		assertThat(plotted("monitor.cpu_stats")).hasSize(15);
		assertThat(plotted("monitor.mem_stats")).hasSize(15);

		Browser.screenshot(this.browser, "monitor.png");
	}

	@Test
	void whenHoveringASparklineThenThatPointsValueAndTimeShow() throws Exception {
		this.browser = Browser.start(900, 420, false);
		this.browser.get("http://localhost:" + this.port + "/monitor");
		WebDriverWait wait = new WebDriverWait(this.browser, Browser.DEADLINE);
		wait.until((driver) -> "live".equals(status()) && seq(card("monitor.cpu_stats")) > 3);
		WebElement plot = card("monitor.cpu_stats").findElement(By.cssSelector(".uplot .u-over"));
		new org.openqa.selenium.interactions.Actions(this.browser).moveToElement(plot).perform();
		WebElement tip = card("monitor.cpu_stats").findElement(By.cssSelector(".tip"));
		wait.until((driver) -> tip.isDisplayed());
		assertThat(tip.getText()).matches("\\d+\\.\\d% at \\d{2}:\\d{2}:\\d{2}");
	}

	private WebElement card(String id) {
		return this.browser.findElement(By.cssSelector("[data-card='" + id + "']"));
	}

	private String status() {
		return this.browser.findElement(By.id("live-status")).getAttribute("data-state");
	}

	private long seq(WebElement card) {
		String seq = card.getAttribute("data-seq");
		return (seq != null) ? Long.parseLong(seq) : 0;
	}

	@SuppressWarnings("unchecked")
	private List<Object> times(String card) {
		return (List<Object>) this.browser.executeScript(
				"return [...window.statwall.cards.values()].find(c => c.id === arguments[0]).plot.data[0]", card);
	}

	@SuppressWarnings("unchecked")
	private List<Object> plotted(String card) {
		return (List<Object>) this.browser.executeScript(
				"return [...window.statwall.cards.values()].find(c => c.id === arguments[0]).plot.data[1]", card);
	}

}
