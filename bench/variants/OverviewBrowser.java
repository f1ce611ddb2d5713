import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The overview's cost in the browser: headless Chromium (Debian's, by path) shows the overview at
 * 1920 × 1080; after a warm-up, the DevTools protocol's Performance.getMetrics is read before and
 * after a window, and its main-thread durations are divided by the overview messages applied
 * meanwhile (counted by a MutationObserver on the overview's data-updated attribute).
 *
 * usage: java -cp <test classpath> bench/variants/OverviewBrowser.java URL WARMUP_S MEASURE_S
 */
public class OverviewBrowser {

	static final List<String> METRICS = List.of("TaskDuration", "ScriptDuration", "RecalcStyleDuration",
			"LayoutDuration");

	public static void main(String[] args) throws Exception {
		String url = args[0];
		long warmup = Long.parseLong(args[1]);
		long measure = Long.parseLong(args[2]);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(new File("/usr/bin/chromium"));
		Path profile = Files.createTempDirectory("statwall-bench-chromium");
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
				"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir=" + profile, "--window-size=1920,1080");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		try {
			driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", 1920, "height", 1080, "deviceScaleFactor", 1, "mobile", false));
			driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
			driver.get(url);
			Thread.sleep(warmup * 1000);
			driver.executeScript("window.__updates = 0; new MutationObserver(() => window.__updates++)"
					+ ".observe(document.querySelector('[data-overview]'), { attributes: true, attributeFilter: ['data-updated'] });");
			int tiles = ((Number) driver.executeScript("return document.querySelectorAll('.tile').length")).intValue();
			driver.executeCdpCommand("Performance.enable", Map.of());
			Map<String, Double> before = metrics(driver);
			Thread.sleep(measure * 1000);
			Map<String, Double> after = metrics(driver);
			long updates = ((Number) driver.executeScript("return window.__updates")).longValue();
			StringBuilder line = new StringBuilder("tiles=" + tiles + " updates=" + updates + " in " + measure + " s |");
			for (String name : METRICS) {
				double seconds = after.getOrDefault(name, 0.0) - before.getOrDefault(name, 0.0);
				line.append(String.format(" %s %.1f ms/update (%.0f ms/s)", name.replace("Duration", ""),
						(updates > 0) ? seconds * 1000 / updates : Double.NaN, seconds * 1000 / measure));
			}
			System.out.println(line);
		}
		finally {
			driver.quit();
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Double> metrics(ChromeDriver driver) {
		Map<String, Object> answer = driver.executeCdpCommand("Performance.getMetrics", Map.of());
		Map<String, Double> metrics = new HashMap<>();
		for (Map<String, Object> metric : (List<Map<String, Object>>) answer.get("metrics")) {
			metrics.put((String) metric.get("name"), ((Number) metric.get("value")).doubleValue());
		}
		return metrics;
	}

}
