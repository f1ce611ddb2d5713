package dev.statwall.export;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Grafana dashboard in deploy/grafana against what statwall really exports: this machine's
 * node, read by the real probe, scraped at {@code /actuator/prometheus} of a running context. A
 * query that names a metric statwall does not export (a rename, a typo, a gauge that became a
 * counter) shows an empty panel to whoever imports it; here it fails the build.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "statwall.sampling.interval=500ms")
class GrafanaDashboardTests {

	private static final Path DASHBOARD = Path.of("deploy", "grafana", "statwall.json");

	private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

	private static final Pattern METRIC = Pattern.compile("\\bstatwall_[a-z0-9_]+\\b");

	private final JsonNode dashboard = JsonMapper.builder().build().readTree(DASHBOARD.toFile());

	@LocalServerPort
	private int port;

	@Test
	void whenTheDashboardsQueriesRunThenEveryMetricTheyNameIsOneStatwallExports() throws Exception {
		Set<String> exported = exportedMetrics();
		List<String> queries = queries();
		assertThat(queries).as("queries in the dashboard").hasSizeGreaterThan(10);
		Set<String> named = new HashSet<>();
		for (String query : queries) {
			List<String> metrics = METRIC.matcher(query).results().map(MatchResult::group).toList();
			assertThat(metrics).as("metrics named by %s", query).isNotEmpty();
			assertThat(exported).as("exported, for %s", query).containsAll(metrics);
			named.addAll(metrics);
		}
		assertThat(named).as("the kernel's counters, rated").contains("statwall_cpu_seconds_total",
				"statwall_network_receive_bytes_total", "statwall_network_transmit_bytes_total",
				"statwall_disk_read_bytes_total", "statwall_disk_written_bytes_total");
		for (String query : queries) {
			if (query.contains("_total")) {
				assertThat(query).as("a counter is only ever rated").contains("rate(");
			}
		}
	}

	@Test
	void whenPromtoolReadsTheQueriesThenEachIsValidPromQL() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(PROMTOOL),
				"promtool is not installed (apt-get install prometheus); .ci/run installs it");
		StringBuilder rules = new StringBuilder("groups:\n  - name: statwall-dashboard\n    rules:\n");
		List<String> queries = queries();
		for (int i = 0; i < queries.size(); i++) {
			// Grafana's variables, as Grafana fills them in
			String expr = queries.get(i)
				.replace("$__rate_interval", "1m")
				.replace("$node", ".+")
				.replace("$virtual", "lo|veth.*");
			rules.append("      - record: statwall:dashboard_query_").append(i).append('\n');
			rules.append("        expr: '").append(expr.replace("'", "''")).append("'\n");
		}
		Path file = Files.createTempFile("statwall-dashboard", ".rules.yml");
		Files.writeString(file, rules);
		Process promtool = new ProcessBuilder(PROMTOOL.toString(), "check", "rules", file.toString())
			.redirectErrorStream(true)
			.start();
		assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(promtool.exitValue()).as(output).isZero();
		assertThat(output).contains("SUCCESS: " + queries.size() + " rules found");
	}

	@Test
	void whenImportedThenGrafanaAsksForThePrometheusItShouldQuery() {
		JsonNode input = this.dashboard.path("__inputs").get(0);
		assertThat(input.path("name").asString()).isEqualTo("DS_PROMETHEUS");
		assertThat(input.path("pluginId").asString()).isEqualTo("prometheus");
		assertThat(this.dashboard.path("uid").asString()).isNotBlank();
		Set<Integer> ids = new HashSet<>();
		for (JsonNode panel : this.dashboard.path("panels")) {
			assertThat(ids.add(panel.path("id").asInt())).as("panel ids are unique").isTrue();
			assertThat(panel.path("datasource").path("uid").asString()).isEqualTo("${DS_PROMETHEUS}");
			for (JsonNode target : panel.path("targets")) {
				assertThat(target.path("datasource").path("uid").asString()).isEqualTo("${DS_PROMETHEUS}");
			}
		}
	}

	/** Every PromQL query in the dashboard: the panels' targets and the variables' queries. */
	private List<String> queries() {
		List<String> queries = new ArrayList<>();
		for (JsonNode panel : this.dashboard.path("panels")) {
			for (JsonNode target : panel.path("targets")) {
				queries.add(target.path("expr").asString());
			}
		}
		for (JsonNode variable : this.dashboard.path("templating").path("list")) {
			if ("query".equals(variable.path("type").asString())) {
				JsonNode query = variable.path("query");
				String text = query.isObject() ? query.path("query").asString() : query.asString();
				// label_values(metric, label) is Grafana's, not PromQL: the metric is what it asks for
				Matcher labelValues = Pattern.compile("label_values\\((\\w+),\\s*\\w+\\)").matcher(text);
				queries.add(labelValues.matches() ? labelValues.group(1) : text);
			}
		}
		return queries;
	}

	/** The metric names of the samples a scrape holds, once this node's first sample is in. */
	private Set<String> exportedMetrics() {
		AtomicReference<String> body = new AtomicReference<>("");
		HttpClient http = HttpClient.newHttpClient();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
			body.set(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/prometheus"))
				.build(), HttpResponse.BodyHandlers.ofString()).body());
			return body.get().contains("statwall_cpu_seconds_total{");
		});
		Set<String> names = new HashSet<>();
		body.get().lines().filter((line) -> !line.startsWith("#") && !line.isBlank()).forEach((line) -> {
			int end = line.indexOf('{');
			names.add(line.substring(0, (end >= 0) ? end : line.indexOf(' ')));
		});
		return names;
	}

}
