package dev.statwall.export;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.statwall.testing.FakeProbeConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What a Prometheus server scraping statwall gets, checked by Prometheus's own promtool. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "statwall.sampling.interval=100ms", "statwall.node-name=scraped" })
@Import(FakeProbeConfiguration.class)
class PrometheusEndpointTests {

	private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

	private static final HttpClient HTTP = HttpClient.newHttpClient();

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
			// kept at the metric's precision (hundredths for a load average, rounded half to even), as history holds it
			.contains("statwall_load_average{node=\"scraped\",window=\"15\"} 0.12")
			.contains("# TYPE statwall_network_receive_bytes_total counter")
			.containsPattern("statwall_network_receive_bytes_total\\{interface=\"eth0\",node=\"scraped\"} 1\\.\\d+E9")
			.containsPattern("statwall_disk_written_bytes_total\\{disk=\"sda\",node=\"scraped\"} \\d+")
			.containsPattern("statwall_cpu_seconds_total\\{core=\"0\",mode=\"user\",node=\"scraped\"} 1\\d{3}\\.\\d+")
			.as("rates go out as their counters").doesNotContain("_per_second")
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

	/** The scrape once the first sample is in: the context may be younger than one interval. */
	private String scrape() {
		AtomicReference<String> body = new AtomicReference<>("");
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
			body.set(HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/prometheus"))
				.build(), HttpResponse.BodyHandlers.ofString()).body());
			return body.get().contains("statwall_cpu_usage_ratio");
		});
		return body.get();
	}

}
