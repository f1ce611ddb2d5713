package dev.statwall.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.statwall.testing.StatwallProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole thing as it is deployed: a hub and three agents, each its own JVM started from the
 * built jar, talking HTTP over loopback. Agents sample every 250 ms; the hub calls a node stale
 * after 1 s and offline after 4 s. The tests run in order on the same processes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

	private static final String TOKEN = "it-" + Long.toHexString(System.nanoTime());

	private static final List<String> AGENTS = List.of("agent-1", "agent-2", "agent-3");

	private static final String CPU_CARD = "monitor.cpu_stats";

	private Path data;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, StatwallProcess> agents = new HashMap<>();

	private StatwallProcess hub;

	private int port;

	@BeforeAll
	void startHubAndAgents() throws Exception {
		this.port = freePort();
		this.data = Files.createTempDirectory("statwall-it-hub");
		this.hub = StatwallProcess.server("hub", StatwallProcess.thisJdk(), this.port, "--statwall.role=hub",
				"--statwall.hub.token=" + TOKEN, "--statwall.data-dir=" + this.data, "--statwall.hub.stale-after=1s",
				"--statwall.hub.offline-after=4s", "--statwall.hub.sample-self=false", "--statwall.node-name=it-hub");
		this.hub.start();
		awaitHub();
		for (String name : AGENTS) {
			StatwallProcess agent = StatwallProcess.headless(name, StatwallProcess.AGENT_FLAGS, "--statwall.role=agent",
					"--statwall.hub.url=http://127.0.0.1:" + this.port, "--statwall.hub.token=" + TOKEN,
					"--statwall.node-name=" + name, "--statwall.sampling.interval=250ms",
					"--statwall.agent.retry-initial=100ms", "--statwall.agent.retry-max=1s");
			this.agents.put(name, agent.start());
		}
	}

	@AfterAll
	void stopEverything() throws InterruptedException {
		for (StatwallProcess agent : this.agents.values()) {
			if (agent.isAlive()) {
				agent.kill();
			}
		}
		if (this.hub != null && this.hub.isAlive()) {
			this.hub.kill();
		}
		org.springframework.util.FileSystemUtils.deleteRecursively(this.data.toFile());
	}

	@Test
	@Order(1)
	void whenThreeAgentsRunThenTheOverviewListsThemAllOnlineWithValues() throws Exception {
		awaitNodes(Duration.ofSeconds(120), (nodes) -> AGENTS.stream()
			.allMatch((name) -> nodes.containsKey(name) && "online".equals(nodes.get(name).path("status").asString())
					&& nodes.get(name).path("values").path("cpu.usage").isNumber()));
		String overview = get("/").body();
		for (String name : AGENTS) {
			String tile = tile(overview, name);
			assertThat(tile).contains("data-status=\"online\"").containsPattern("<span class=\"cpu\">\\d+\\.\\d%</span>");
		}
		assertThat(overview).contains("<b data-summary=\"online\">3</b>");
		String page = get("/nodes/agent-1").body();
		assertThat(page).contains("data-card=\"home.cpu\"").contains("data-node=\"agent-1\"");
		for (StatwallProcess agent : this.agents.values()) {
			assertThat(agent.output()).as("the agent serves nothing").doesNotContain("Tomcat").doesNotContain("Started StatwallApplication");
		}
	}

	@Test
	@Order(1)
	void whenThreeAgentsReportThenPrometheusGetsEveryNodesSeriesAndPromtoolAcceptsThem() throws Exception {
		awaitNodes(Duration.ofSeconds(60), (nodes) -> AGENTS.stream().allMatch((name) -> "online".equals(status(nodes, name))));
		String metrics = get("/actuator/prometheus").body();
		assertThat(metrics).as("rates go to Prometheus as their counters").doesNotContain("_per_second");
		for (String name : AGENTS) {
			String node = "node=\"" + name + "\"";
			assertThat(metrics).containsPattern("statwall_cpu_usage_ratio\\{[^}]*" + node)
				.containsPattern("statwall_cpu_core_usage_ratio\\{core=\"0\",[^}]*" + node)
				.containsPattern("statwall_memory_used_bytes\\{[^}]*" + node)
				.containsPattern("statwall_network_receive_bytes_total\\{interface=\"[^\"]+\",[^}]*" + node)
				.containsPattern("statwall_cpu_seconds_total\\{core=\"0\",mode=\"user\",[^}]*" + node)
				.containsPattern("statwall_disk_written_bytes_total\\{disk=\"[^\"]+\",[^}]*" + node)
				.containsPattern("statwall_filesystem_usage_ratio\\{mount=\"[^\"]+\",[^}]*" + node);
		}
		java.nio.file.Path promtool = java.nio.file.Path.of("/usr/bin/promtool");
		org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(promtool),
				"promtool is not installed (apt-get install prometheus); .ci/run installs it");
		java.nio.file.Path scraped = Files.createTempFile("statwall-hub", ".prom");
		Files.writeString(scraped, metrics);
		Process check = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectInput(scraped.toFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(check.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(check.waitFor()).as(output).isZero();
	}

	@Test
	@Order(2)
	void whenAnAgentIsKilledThenItGoesStaleThenOfflineKeepsItsLastValuesAndComesBackWhenRestarted() throws Exception {
		StatwallProcess agent = this.agents.get("agent-3");
		agent.kill();
		Instant killed = Instant.now();
		awaitNodes(Duration.ofSeconds(60), (nodes) -> "stale".equals(status(nodes, "agent-3")));
		awaitNodes(Duration.ofSeconds(60), (nodes) -> "offline".equals(status(nodes, "agent-3")));
		assertThat(Duration.between(killed, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
		JsonNode offline = nodes().get("agent-3");
		assertThat(offline.path("values").path("cpu.usage").isNumber()).as("last values stay").isTrue();
		String tile = tile(get("/").body(), "agent-3");
		assertThat(tile).contains("data-status=\"offline\"").containsPattern("last seen \\d+ s ago")
			.containsPattern("<span class=\"cpu\">\\d+\\.\\d%</span>");
		assertThat(get("/nodes/agent-3").body()).contains("data-status=\"offline\"");
		assertThat(nodes().get("agent-1").path("status").asString()).isEqualTo("online");

		agent.start();
		awaitNodes(Duration.ofSeconds(120), (nodes) -> "online".equals(status(nodes, "agent-3")));
		// its new run starts from sample 1, after the old run's samples
		List<long[]> samples = samples("agent-3");
		assertThat(samples.stream().mapToLong((s) -> s[1]).max().orElse(0)).isEqualTo(2);
		assertRunsHaveEverySequenceNumberOnce(samples);
		// the silence is a gap in its charts, not a line across it
		JsonNode rows = json(get("/api/v1/nodes/agent-3/cards/" + CPU_CARD).body()).path("rows");
		assertThat(rows.valueStream().anyMatch((row) -> row.path("values").get(0).isNull())).isTrue();
		// and in its history: samples, then n/a for the silence, then samples of the new run
		JsonNode history = json(get("/api/v1/nodes/agent-3/history?metric=cpu.usage&from=-10m&points=10000").body());
		List<JsonNode> values = history.path("avg").valueStream().toList();
		int gap = values.indexOf(values.stream().filter(JsonNode::isNull).findFirst().orElseThrow());
		assertThat(values.subList(0, gap)).as("before the kill").isNotEmpty().noneMatch(JsonNode::isNull);
		assertThat(values.subList(gap + 1, values.size())).as("after the restart").isNotEmpty().anyMatch(JsonNode::isNumber);
		long silence = history.path("time").get(gap + 1).asLong() - history.path("time").get(gap - 1).asLong();
		assertThat(silence).as("the gap spans the silence").isGreaterThanOrEqualTo(3_000);
	}

	@Test
	@Order(3)
	void whenTheHubIsDownForTwentySecondsThenNothingIsLostNothingDoubledAndItsLastStateIsBackAtOnce() throws Exception {
		Map<String, JsonNode> before = nodes();
		JsonNode cardBefore = json(get("/api/v1/nodes/agent-1/cards/" + CPU_CARD).body());
		this.hub.stop();
		assertThat(this.hub.output()).contains("Graceful shutdown complete");
		Thread.sleep(20_000); // agents keep sampling into their spools
		this.hub.start();
		awaitHub();

		// at once: the state from before the stop, restored from the checkpoint
		Map<String, JsonNode> restored = nodes();
		assertThat(restored.keySet()).containsAll(AGENTS);
		for (String name : AGENTS) {
			assertThat(restored.get(name).path("lastSeq").asLong()).as(name)
				.isGreaterThanOrEqualTo(before.get(name).path("lastSeq").asLong());
			assertThat(restored.get(name).path("values").path("cpu.usage").isNumber()).isTrue();
		}
		// a browser that held the card's rows asks for what came after them, under the epoch it knows
		JsonNode cardRestored = json(get("/api/v1/nodes/agent-1/cards/" + CPU_CARD + "?epoch="
				+ cardBefore.path("epoch").asLong() + "&after=" + lastSeq(cardBefore)).body());
		assertThat(cardRestored.path("epoch").asLong()).as("the same epoch: clients resume without duplicates")
			.isEqualTo(cardBefore.path("epoch").asLong());
		long previous = lastSeq(cardBefore);
		for (JsonNode row : cardRestored.path("rows")) {
			assertThat(row.path("seq").asLong()).as("only rows it does not hold, in order").isGreaterThan(previous);
			previous = row.path("seq").asLong();
		}

		// then the backlog: every agent's samples, every sequence number once, in order
		Instant restarted = Instant.now();
		for (String name : AGENTS) {
			await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
				.until(() -> lastTakenTime(name).isAfter(restarted));
			List<long[]> samples = samples(name);
			assertRunsHaveEverySequenceNumberOnce(samples);
			long spanned = samples.stream().filter((s) -> s[1] == samples.get(samples.size() - 1)[1]).count();
			assertThat(spanned).as(name + ": samples of its current run, across the outage").isGreaterThan(80);
		}
		assertThat(this.agents.get("agent-1").output()).containsOnlyOnce("cannot be reached").containsOnlyOnce("is back");
	}

	@Test
	@Order(4)
	void whenTheHubIsKilledThenEverySampleItAcknowledgedIsStillThereOnceAndInOrder() throws Exception {
		Map<String, JsonNode> before = nodes();
		this.hub.kill(); // SIGKILL, in the middle of the agents' stream
		this.hub.start();
		awaitHub();
		Instant restarted = Instant.now();
		for (String name : AGENTS) {
			assertThat(nodes().get(name).path("lastSeq").asLong()).as(name + ": what it had taken is back")
				.isGreaterThanOrEqualTo(before.get(name).path("lastSeq").asLong() - 20);
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
				.until(() -> lastTakenTime(name).isAfter(restarted));
			// an acknowledged sample lost by the crash would be a gap: the agent never sends it again
			assertRunsHaveEverySequenceNumberOnce(samples(name));
		}
		assertThat(this.hub.output()).contains("log records replayed");
	}

	@Test
	@Order(5)
	void whenClientsSendBadInputThenTheyGetClearRefusalsAndTheAgentsAreStillServed() throws Exception {
		long now = System.currentTimeMillis();
		String valid = "{\"version\":1,\"node\":\"probe-1\",\"run\":\"r1\",\"interval\":1000,\"seq\":[1],\"time\":[" + now
				+ "],\"values\":{\"cpu.usage\":[5]}}";
		assertThat(ingest("Bearer wrong", valid).statusCode()).isEqualTo(401);
		assertThat(ingest(null, valid).statusCode()).isEqualTo(401);
		assertRefused(ingest("Bearer " + TOKEN, "\u0001garbage\u0000"), 400, "malformed JSON");
		assertRefused(ingest("Bearer " + TOKEN, valid.substring(0, valid.length() / 2)), 400, "malformed JSON");
		assertRefused(ingest("Bearer " + TOKEN, valid.replace("[5]", "[\"5\"]")), 400, "must be a number");
		assertRefused(ingest("Bearer " + TOKEN, valid.replace("[5]", "[-5]")), 400, "cannot be negative");
		assertRefused(ingest("Bearer " + TOKEN, valid.replace("\"time\":[" + now, "\"time\":[" + (now + 3_600_000))),
				400, "from the future");
		assertRefused(ingest("Bearer " + TOKEN, valid.replace("\"version\":1", "\"version\":9")), 400,
				"unsupported wire format version 9");
		assertRefused(ingest("Bearer " + TOKEN, "{\"version\":1,\"pad\":\"" + "x".repeat(1_500_000) + "\"}"), 413,
				"statwall.hub.max-body");
		assertThat(ingest("Bearer " + TOKEN, valid).statusCode()).isEqualTo(200);
		assertThat(get("/?sort=sideways").statusCode()).isEqualTo(400);
		assertThat(get("/nodes/no-such-node").statusCode()).isEqualTo(404);
		assertThat(delete("/api/v1/nodes/agent-1", "Bearer " + TOKEN).statusCode()).as("online: not forgotten")
			.isEqualTo(409);

		Map<String, Long> seqs = new HashMap<>();
		nodes().forEach((name, node) -> seqs.put(name, node.path("lastSeq").asLong()));
		awaitNodes(Duration.ofSeconds(60), (nodes) -> AGENTS.stream()
			.allMatch((name) -> nodes.get(name).path("lastSeq").asLong() > seqs.get(name) + 4
					&& "online".equals(status(nodes, name))));
		assertThat(get("/actuator/health").body()).contains("UP");
		assertThat(this.hub.output()).doesNotContain(TOKEN).doesNotContain("Exception");
		this.agents.values().forEach((agent) -> assertThat(agent.output()).doesNotContain(TOKEN));
	}

	private static void assertRunsHaveEverySequenceNumberOnce(List<long[]> samples) {
		Map<Long, List<Long>> runs = new HashMap<>();
		for (long[] sample : samples) {
			runs.computeIfAbsent(sample[1], (run) -> new ArrayList<>()).add(sample[0]);
		}
		runs.forEach((run, seqs) -> {
			for (int i = 0; i < seqs.size(); i++) {
				assertThat(seqs.get(i)).as("run %d, sample %d: no gap, no duplicate", run, i).isEqualTo(i + 1L);
			}
		});
	}

	/** The agent sequence numbers the hub took, as {sample, run}, oldest first. */
	private List<long[]> samples(String node) throws Exception {
		List<long[]> samples = new ArrayList<>();
		for (JsonNode sample : json(get("/api/v1/nodes/" + node + "/samples?limit=10000").body()).path("samples")) {
			samples.add(new long[] { sample.path("sample").asLong(), sample.path("run").asLong() });
		}
		return samples;
	}

	private Instant lastTakenTime(String node) throws Exception {
		JsonNode samples = json(get("/api/v1/nodes/" + node + "/samples?limit=10000").body()).path("samples");
		return Instant.ofEpochMilli(samples.get(samples.size() - 1).path("time").asLong());
	}

	private static long lastSeq(JsonNode card) {
		JsonNode rows = card.path("rows");
		return rows.get(rows.size() - 1).path("seq").asLong();
	}

	private static String status(Map<String, JsonNode> nodes, String name) {
		JsonNode node = nodes.get(name);
		return (node != null) ? node.path("status").asString() : "missing";
	}

	private static String tile(String overview, String node) {
		int at = overview.indexOf("data-node=\"" + node + "\"");
		assertThat(at).as("a tile for %s", node).isPositive();
		int start = overview.lastIndexOf("<div class=\"tile\"", at);
		return overview.substring(start, overview.indexOf("</button>", at));
	}

	private static void assertRefused(HttpResponse<String> response, int status, String reason) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		assertThat(response.body()).contains("\"reason\":").contains(reason);
	}

	private Map<String, JsonNode> nodes() throws Exception {
		Map<String, JsonNode> nodes = new HashMap<>();
		for (JsonNode node : json(get("/api/v1/nodes").body())) {
			nodes.put(node.path("name").asString(), node);
		}
		return nodes;
	}

	private void awaitNodes(Duration timeout, Predicate<Map<String, JsonNode>> condition) {
		await().atMost(timeout).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
			.until(nodesMatch(condition));
	}

	private Callable<Boolean> nodesMatch(Predicate<Map<String, JsonNode>> condition) {
		return () -> condition.test(nodes());
	}

	private void awaitHub() {
		await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
			.until(() -> {
				if (!this.hub.isAlive()) {
					throw new AssertionError("the hub died:\n" + this.hub.output());
				}
				return get("/actuator/health").statusCode() == 200;
			});
	}

	private JsonNode json(String body) {
		return this.json.readTree(body);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> delete(String path, String authorization) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path)).DELETE().header("Authorization", authorization).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> ingest(String authorization, String body) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/ingest"))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static {
		try {
			Files.createDirectories(Path.of("target", "it"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
