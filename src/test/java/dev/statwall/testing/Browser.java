package dev.statwall.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Debian's chromedriver, both by explicit path so that
 * nothing is ever downloaded. Tests skip, saying why, only where Chromium is not installed.
 */
public final class Browser {

	public static final Path CHROMIUM = Path.of(System.getProperty("statwall.chromium", "/usr/bin/chromium"));

	public static final Path CHROMEDRIVER = Path.of(System.getProperty("statwall.chromedriver", "/usr/bin/chromedriver"));

	/**
	 * How long a page may take to get where a test waits for it. Generous: on a machine busy with
	 * other work the server, the browser and the test share two cores; a wait ends as soon as its
	 * condition holds, so this costs nothing when things are quick.
	 */
	public static final Duration DEADLINE = Duration.ofSeconds(60);

	private Browser() {
	}

	/** Starts a browser, or skips the calling test when Chromium is missing. */
	public static ChromeDriver start(int width, int height, boolean dark) throws IOException {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Chromium browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
						+ " (apt-get install chromium chromium-driver fonts-liberation); .ci/run installs them");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		Path profile = Files.createTempDirectory("statwall-chromium");
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
				"--force-prefers-reduced-motion");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		// exactly this viewport, whatever the headless window's decorations take
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
		// the operating system's preference, as the page's prefers-color-scheme sees it
		driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
				List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
		return driver;
	}

	/** Saves what the browser shows, for the README. */
	public static void screenshot(ChromeDriver driver, String name) throws IOException {
		File shot = driver.getScreenshotAs(OutputType.FILE);
		Path docs = Path.of("docs");
		Files.createDirectories(docs);
		Files.copy(shot.toPath(), docs.resolve(name), StandardCopyOption.REPLACE_EXISTING);
	}

}
