package dev.statwall.web;

import java.nio.file.Files;
import java.nio.file.Path;
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

/** The default dashboard of this machine, in a real browser, fed by the real OSHI probe. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "statwall.sampling.interval=500ms")
class DashboardBrowserTests {

	/** Cards every Linux machine can fill; swap and temperature depend on the machine. */
	private static final List<String> ALWAYS = List.of("cpu", "memory", "load", "network", "disk", "root", "uptime",
			"tasks");

	@LocalServerPort
	private int port;

	private ChromeDriver browser;

	private Process evil;

	@AfterEach
	void quit() {
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.evil != null) {
			this.evil.destroyForcibly();
		}
	}

	@Test
	void whenTheDashboardIsOpenThenEveryCardFillsInLightAndDark() throws Exception {
		for (boolean dark : new boolean[] { false, true }) {
			this.browser = Browser.start(1920, 1080, dark);
			this.browser.get("http://localhost:" + this.port + "/");
			WebDriverWait wait = new WebDriverWait(this.browser, Browser.DEADLINE);
			wait.until((driver) -> "live".equals(attribute("#live-status", "data-state")));
			wait.until((driver) -> ALWAYS.stream().allMatch((card) -> seq("home." + card) >= 4));
			for (String card : ALWAYS) {
				String value = card("home." + card).findElement(By.cssSelector(".card-value")).getText();
				assertThat(value).as("card %s", card).isNotBlank().isNotEqualTo("n/a");
			}
			assertThat(card("home.cpu").findElements(By.cssSelector(".legend li")))
				.as("one line per core")
				.hasSize(Runtime.getRuntime().availableProcessors());
			assertThat(rows("home.processes")).as("top processes").isNotEmpty();
			assertThat(rows("home.filesystems")).extracting((row) -> row.get(0)).contains("/");
			String background = (String) this.browser
				.executeScript("return getComputedStyle(document.body).backgroundColor");
			assertThat(background).as("theme follows the OS").isEqualTo(dark ? "rgb(21, 23, 26)" : "rgb(245, 245, 245)");
			long cpuSeq = seq("home.cpu");
			wait.until((driver) -> seq("home.cpu") >= cpuSeq + 3); // a few more points in before the picture
			Browser.screenshot(this.browser, dark ? "dashboard-dark.png" : "dashboard.png");
			this.browser.quit();
			this.browser = null;
		}
	}

	@Test
	void whenAProcessIsNamedWithHtmlThenTheTableShowsItLiterallyAndNothingRuns() throws Exception {
		// a busy process, so it is in the top by CPU; its name and command line are markup
		Path dir = Files.createTempDirectory("statwall-evil");
		Path binary = dir.resolve("<i>sw-evil<i>");
		Files.copy(Path.of("/bin/bash"), binary);
		binary.toFile().setExecutable(true);
		String payload = "<img src=x onerror=window.__pwned=1>";
		this.evil = new ProcessBuilder(binary.toString(), "-c", "while :; do :; done", payload).start();

		this.browser = Browser.start(1600, 1000, false);
		this.browser.get("http://localhost:" + this.port + "/");
		WebDriverWait wait = new WebDriverWait(this.browser, Browser.DEADLINE);
		// caught between fork and exec, a new process is still named after its parent: wait for the program's name
		wait.until((driver) -> rows("home.processes").stream()
			.anyMatch((row) -> row.get(0).equals(Long.toString(this.evil.pid())) && row.get(1).startsWith("<i>sw-evil")));
		List<String> row = rows("home.processes").stream()
			.filter((cells) -> cells.get(0).equals(Long.toString(this.evil.pid())))
			.findFirst()
			.orElseThrow();
		assertThat(row.get(1)).startsWith("<i>sw-evil");
		assertThat(cellText("home.processes", this.evil.pid(), 5)).contains(payload);
		assertThat(card("home.processes").findElements(By.cssSelector("img, i"))).as("no markup was made").isEmpty();
		assertThat(this.browser.executeScript("return window.__pwned === undefined")).isEqualTo(true);
		// the page as the server rendered it escapes it too
		this.browser.navigate().refresh();
		wait.until((driver) -> "live".equals(attribute("#live-status", "data-state")));
		assertThat(card("home.processes").findElements(By.cssSelector("img, i"))).isEmpty();
		assertThat(this.browser.executeScript("return window.__pwned === undefined")).isEqualTo(true);
	}

	@Test
	void whenAColumnHeaderIsClickedThenTheTableIsSortedByItAndKeepsUpdating() throws Exception {
		this.browser = Browser.start(1600, 1000, false);
		this.browser.get("http://localhost:" + this.port + "/");
		WebDriverWait wait = new WebDriverWait(this.browser, Browser.DEADLINE);
		wait.until((driver) -> rows("home.processes").size() > 3);
		WebElement header = card("home.processes").findElement(By.cssSelector("th[data-column='name'] button"));
		header.click(); // htmx asks the server for the table sorted by name, descending first
		wait.until((driver) -> "descending".equals(attribute("[data-card='home.processes'] th[data-column='name']", "aria-sort")));
		assertSortedByName(true);
		card("home.processes").findElement(By.cssSelector("th[data-column='name'] button")).click();
		wait.until((driver) -> "ascending".equals(attribute("[data-card='home.processes'] th[data-column='name']", "aria-sort")));
		assertSortedByName(false);
		String seq = attribute("[data-card='home.processes'] .table-wrap", "data-seq");
		wait.until((driver) -> !seq.equals(attribute("[data-card='home.processes'] .table-wrap", "data-seq")));
		assertSortedByName(false);
	}

	private void assertSortedByName(boolean descending) {
		List<String> names = rows("home.processes").stream().map((row) -> row.get(1).toLowerCase()).toList();
		List<String> sorted = names.stream().sorted(descending ? java.util.Comparator.reverseOrder() : java.util.Comparator.naturalOrder()).toList();
		assertThat(names).isEqualTo(sorted);
	}

	private WebElement card(String id) {
		return this.browser.findElement(By.cssSelector("[data-card='" + id + "']"));
	}

	/** Read in one script, so an element htmx swaps out meanwhile is never half-read. */
	private String attribute(String selector, String name) {
		Object value = this.browser.executeScript(
				"const e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null;",
				selector, name);
		return (value != null) ? value.toString() : "";
	}

	private long seq(String card) {
		String seq = card(card).getAttribute("data-seq");
		return (seq != null && !seq.isEmpty()) ? Long.parseLong(seq) : 0;
	}

	@SuppressWarnings("unchecked")
	private List<List<String>> rows(String card) {
		return (List<List<String>>) this.browser.executeScript("""
				return [...document.querySelectorAll(`[data-card='${arguments[0]}'] tbody tr`)]
					.map(tr => [...tr.cells].map(td => td.textContent.trim()));""", card);
	}

	private String cellText(String card, long key, int column) {
		return (String) this.browser.executeScript(
				"return document.querySelector(`[data-card='${arguments[0]}'] tr[data-key='${arguments[1]}']`).cells[arguments[2]].textContent",
				card, Long.toString(key), column);
	}


}
