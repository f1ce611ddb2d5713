package dev.statwall.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.statwall.testing.FakeProbeConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** What a Prometheus server scraping statwall gets, checked by Prometheus's own promtool. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "statwall.sampling.interval=100ms", "statwall.node-name=scraped" })
@Import(FakeProbeConfiguration.class)
class PrometheusEndpointTests {

	private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

	@LocalServerPort
	private int port;

	@Test
	void whenScrapedThenEveryNodeMetricIsThereInBaseUnitsWithLabels() throws Exception {
		String body = scrape();
		assertThat(body).containsPattern("statwall_cpu_usage_ratio\\{.*node=\"scraped\".*} 0\\.\\d+")
			.contains("statwall_memory_used_bytes{node=\"scraped\"} 4.294967296E9")
			.contains("statwall_memory_usage_ratio{node=\"scraped\"} 0.5")
			.contains("statwall_filesystem_usage_ratio{mount=\"/\",node=\"scraped\"} 0.25")
			.containsPattern("statwall_cpu_core_usage_ratio\\{core=\"1\",node=\"scraped\"}")
			// kept at the metric's precision (hundredths for a load average), as history holds it
			.contains("statwall_load_average{node=\"scraped\",window=\"15\"} 0.13")
			.as("n/a is left out, not exported as zero").doesNotContain("statwall_swap_usage_ratio{");
		assertThat(body).as("statwall's own health").containsPattern("statwall_samples_total\\{[^}]*} [1-9]")
			.contains("statwall_sample_read_seconds")
			.contains("jvm_memory_used_bytes");
	}

	@Test
	void whenScrapedThenPromtoolAcceptsTheOutput() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(PROMTOOL),
				"promtool is not installed (apt-get install prometheus); .ci/run installs it");
		scrape(); // a served request adds the HTTP server's meters to the next scrape
		Path metrics = Files.createTempFile("statwall", ".prom");
		Files.writeString(metrics, scrape());
		Process promtool = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectInput(metrics.toFile())
			.redirectErrorStream(true)
			.start();
		assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();
		String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(promtool.exitValue()).as(output).isZero();
	}

	private String scrape() throws IOException, InterruptedException {
		for (int i = 0; i < 50; i++) {
			String body = java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/actuator/prometheus")).build(),
						java.net.http.HttpResponse.BodyHandlers.ofString())
				.body();
			if (body != null && body.contains("statwall_cpu_usage_ratio")) {
				return body;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no node metrics were exported within 5 s");
	}

}
