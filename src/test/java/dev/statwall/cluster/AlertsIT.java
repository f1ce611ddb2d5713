package dev.statwall.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.statwall.testing.StatwallProcess;
import dev.statwall.testing.WebhookReceiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Getting a message when a node dies, as deployed: a real Prometheus Alertmanager, a hub and an
 * agent, each its own process. The agent is killed: node_offline reaches Alertmanager (whose
 * webhook receiver gets it, and whose API lists it with statwall's labels) and statwall's own
 * webhook. Then the hub crashes while alerts fire, the agent comes back while the hub is down, and
 * the hub starts again: nothing is notified a second time, and node_offline, which cleared meanwhile,
 * resolves, in Alertmanager too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertsIT {

	private static final Path ALERTMANAGER = Path.of(System.getProperty("statwall.alertmanager",
			"/usr/bin/prometheus-alertmanager"));

	private static final String TOKEN = "it-" + Long.toHexString(System.nanoTime());

	private static final String AGENT = "alert-agent";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private WebhookReceiver receiver;

	private Process alertmanager;

	private Path work;

	private int alertmanagerPort;

	private int hubPort;

	private StatwallProcess hub;

	private StatwallProcess agent;

	@BeforeAll
	void start() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(ALERTMANAGER), ALERTMANAGER
				+ " is not installed (apt-get install prometheus-alertmanager); .ci/run installs it");
		this.receiver = new WebhookReceiver();
		this.work = Files.createTempDirectory("statwall-alerts-it");
		this.alertmanagerPort = freePort();
		Path config = this.work.resolve("alertmanager.yml");
		Files.writeString(config, """
				route:
				  receiver: test
				  group_by: [alertname, node]
				  group_wait: 1s
				  group_interval: 1s
				  repeat_interval: 1h
				receivers:
				  - name: test
				    webhook_configs:
				      - url: %s
				        send_resolved: true
				""".formatted(this.receiver.url("/alertmanager")));
		Files.createDirectories(Path.of("target", "it"));
		this.alertmanager = new ProcessBuilder(ALERTMANAGER.toString(), "--config.file=" + config,
				"--storage.path=" + this.work.resolve("am-data"), "--web.listen-address=127.0.0.1:" + this.alertmanagerPort,
				"--cluster.listen-address=")
			.redirectErrorStream(true)
			.redirectOutput(Path.of("target", "it", "alertmanager.log").toFile())
			.start();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
			.until(() -> get(URI.create(alertmanager("/-/ready"))).statusCode() == 200);

		this.hubPort = freePort();
		this.hub = StatwallProcess.server("alerts-hub", StatwallProcess.thisJdk(), this.hubPort,
				"--statwall.role=hub", "--statwall.hub.token=" + TOKEN,
						"--statwall.data-dir=" + this.work.resolve("hub-data"), "--statwall.hub.stale-after=1s",
						"--statwall.hub.offline-after=4s", "--statwall.hub.sample-self=false",
						"--statwall.alerts.alertmanager.urls=http://127.0.0.1:" + this.alertmanagerPort,
						// firing alerts are valid for 4 × 15 s in Alertmanager: longer than the hub's restart below
						"--statwall.alerts.alertmanager.resend-interval=15s",
						"--statwall.alerts.webhooks[0].url=" + this.receiver.url("/statwall"),
						"--statwall.alerts.retry-initial=200ms", "--statwall.alerts.retry-max=1s",
						// fires on every mount as long as there is a disk: an alert that fires across the restart
						"--statwall.alerts.rules[0].name=disk_watched", "--statwall.alerts.rules[0].metric=fs.*.usage",
						"--statwall.alerts.rules[0].above=0", "--statwall.alerts.rules[0].summary={{mount}} of {{node}} watched");
		this.hub.start();
		awaitHub();
		this.agent = StatwallProcess.headless(AGENT, StatwallProcess.AGENT_FLAGS,
				"--statwall.role=agent", "--statwall.hub.url=http://127.0.0.1:" + this.hubPort,
						"--statwall.hub.token=" + TOKEN, "--statwall.node-name=" + AGENT,
						"--statwall.sampling.interval=250ms", "--statwall.agent.retry-initial=100ms",
						"--statwall.agent.retry-max=1s");
		this.agent.start();
	}

	@AfterAll
	void stop() throws Exception {
		for (StatwallProcess process : new StatwallProcess[] { this.agent, this.hub }) {
			if (process != null && process.isAlive()) {
				process.kill();
			}
		}
		if (this.alertmanager != null) {
			this.alertmanager.destroy();
			if (!this.alertmanager.waitFor(10, TimeUnit.SECONDS)) {
				this.alertmanager.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		if (this.receiver != null) {
			this.receiver.close();
		}
		if (this.work != null) {
			org.springframework.util.FileSystemUtils.deleteRecursively(this.work.toFile());
		}
	}

	@Test
	void whenAnAgentDiesThenAlertmanagerAndTheWebhookHearAndAHubCrashNeitherRepeatsNorForgetsIt() throws Exception {
		// the agent reports: its disks are watched, in statwall's webhook and in Alertmanager
		JsonNode disk = awaitStatwall("firing", "disk_watched");
		String mount = disk.path("labels").path("mount").asString();
		assertThat(mount).isNotEmpty();
		awaitAlertmanagerLists((alert) -> "disk_watched".equals(label(alert, "alertname"))
				&& mount.equals(label(alert, "mount")) && AGENT.equals(label(alert, "node")));

		// the agent dies: node_offline, critical, everywhere
		this.agent.kill();
		JsonNode offline = awaitStatwall("firing", "node_offline");
		assertThat(offline.path("labels").path("severity").asString()).isEqualTo("critical");
		assertThat(offline.path("annotations").path("summary").asString()).startsWith(AGENT + " has sent nothing for ");
		JsonNode listed = awaitAlertmanagerLists((alert) -> "node_offline".equals(label(alert, "alertname"))
				&& AGENT.equals(label(alert, "node")));
		assertThat(listed.path("labels").path("severity").asString()).isEqualTo("critical");
		assertThat(listed.path("annotations").path("summary").asString()).startsWith(AGENT + " has sent nothing");
		assertThat(listed.path("status").path("state").asString()).isEqualTo("active");
		awaitAlertmanagerNotified("firing", "node_offline");

		// the hub crashes while both fire; the agent comes back while it is down; the hub starts again
		this.hub.kill();
		int before = this.agent.output().split("cannot be reached", -1).length;
		this.agent.start();
		// the agent samples into its spool meanwhile, and says the hub is gone
		await().atMost(Duration.ofSeconds(30)).until(() -> this.agent.output().split("cannot be reached", -1).length > before);
		this.hub.start();
		awaitHub();

		// node_offline cleared while the hub was down: it resolves, once, in both
		JsonNode resolved = awaitStatwall("resolved", "node_offline");
		assertThat(resolved.path("startsAt").asString()).isEqualTo(offline.path("startsAt").asString());
		awaitAlertmanagerNotified("resolved", "node_offline");
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> alertmanagerAlerts()
			.stream()
			.noneMatch((alert) -> "node_offline".equals(label(alert, "alertname"))));
		// let a resend to Alertmanager pass (every 15 s) after the resolve, then count: nothing was told twice
		double sent = sentToAlertmanager();
		await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
			.until(() -> sentToAlertmanager() > sent);
		assertThat(statwall("firing", "node_offline")).as("node_offline fired once").hasSize(1);
		assertThat(statwall("resolved", "node_offline")).as("and resolved once").hasSize(1);
		assertThat(statwall("firing", "disk_watched").stream().filter((a) -> mount.equals(a.path("labels").path("mount").asString())))
			.as("the disk alert firing across the crash was not sent again").hasSize(1);
		assertThat(statwall("resolved", "disk_watched")).isEmpty();
		assertThat(alertmanagerNotified("firing", "node_offline")).as("Alertmanager notified its receiver once").hasSize(1);
		assertThat(alertmanagerNotified("resolved", "node_offline")).hasSize(1);
		assertThat(this.hub.output()).doesNotContain(TOKEN);
	}

	/** Alerts the restarted hub has sent to Alertmanager: changes, and resends of firing ones every 15 s. */
	private double sentToAlertmanager() throws Exception {
		String metrics = get(URI.create("http://127.0.0.1:" + this.hubPort + "/actuator/prometheus")).body();
		java.util.regex.Matcher sent = java.util.regex.Pattern
			.compile("statwall_alerts_notifications_total\\{[^}]*receiver=\"alertmanager\\[0\\]\",result=\"sent\"} ([0-9.]+)")
			.matcher(metrics);
		return sent.find() ? Double.parseDouble(sent.group(1)) : 0;
	}

	private JsonNode awaitStatwall(String status, String rule) {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
			.until(() -> !statwall(status, rule).isEmpty());
		return statwall(status, rule).get(0);
	}

	/** What statwall's own webhook received about the agent. */
	private List<JsonNode> statwall(String status, String rule) {
		return this.receiver.alerts("/statwall")
			.stream()
			.filter((alert) -> status.equals(alert.path("status").asString())
					&& rule.equals(alert.path("labels").path("alertname").asString())
					&& AGENT.equals(alert.path("labels").path("node").asString()))
			.toList();
	}

	/** What Alertmanager told its own receiver. */
	private List<JsonNode> alertmanagerNotified(String status, String rule) {
		return this.receiver.requests.stream()
			.filter((request) -> request.path().equals("/alertmanager"))
			.map(WebhookReceiver.Request::json)
			.flatMap((payload) -> payload.path("alerts").valueStream())
			.filter((alert) -> status.equals(alert.path("status").asString())
					&& rule.equals(alert.path("labels").path("alertname").asString()))
			.toList();
	}

	private void awaitAlertmanagerNotified(String status, String rule) {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
			.until(() -> !alertmanagerNotified(status, rule).isEmpty());
	}

	private JsonNode awaitAlertmanagerLists(Predicate<JsonNode> condition) throws Exception {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
			.until(() -> alertmanagerAlerts().stream().anyMatch(condition));
		return alertmanagerAlerts().stream().filter(condition).findFirst().orElseThrow();
	}

	private List<JsonNode> alertmanagerAlerts() throws Exception {
		return this.json.readTree(get(URI.create(alertmanager("/api/v2/alerts"))).body()).valueStream().toList();
	}

	private static String label(JsonNode alert, String name) {
		return alert.path("labels").path(name).asString();
	}

	private String alertmanager(String path) {
		return "http://127.0.0.1:" + this.alertmanagerPort + path;
	}

	private void awaitHub() {
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
			if (!this.hub.isAlive()) {
				throw new AssertionError("the hub died:\n" + this.hub.output());
			}
			return get(URI.create("http://127.0.0.1:" + this.hubPort + "/actuator/health")).statusCode() == 200;
		});
	}

	private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
