package dev.statwall.alert;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.statwall.testing.WebhookReceiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A hub's alerts end to end in one Spring context: a webhook receiver and a real SMTP server get
 * the documented payloads, deliveries are retried and counted, the API answers and silences, and
 * the pages show it all escaped.
 */
class AlertHubTests extends AlertHubContext {

	private static final String HOSTILE_OS = "<img src=x onerror=alert(1)>";

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void whenAnAlertFiresAndResolvesThenTheWebhookAndTheMailServerGetTheDocumentedPayloads() throws Exception {
		sample("mail-1", Map.of("memory.usage", 95.5), Map.of("system.os", HOSTILE_OS));
		evaluate();
		JsonNode firing = awaitWebhook("mail-1", "firing");
		WebhookReceiver.Request request = WEBHOOK.requests.stream()
			.filter((r) -> r.body().contains("\"mail-1\""))
			.findFirst()
			.orElseThrow();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.authorization()).isEqualTo("Bearer hook-secret");
		assertThat(request.contentType()).startsWith("application/json");
		JsonNode payload = request.json();
		assertThat(payload.path("version").asString()).isEqualTo("4");
		assertThat(payload.path("status").asString()).isEqualTo("firing");
		assertThat(payload.path("externalURL").asString()).isEqualTo("http://statwall.example");
		assertThat(firing.path("labels").properties()).extracting(Map.Entry::getKey)
			.containsExactly("alertname", "node", "severity");
		assertThat(firing.path("labels").path("alertname").asString()).isEqualTo("memory_high");
		assertThat(firing.path("labels").path("severity").asString()).isEqualTo("critical");
		assertThat(firing.path("annotations").path("summary").asString())
			.isEqualTo("95.5% memory used on mail-1 (" + HOSTILE_OS + ")");
		assertThat(Instant.parse(firing.path("startsAt").asString())).isBefore(Instant.now().plusSeconds(1));
		assertThat(firing.path("endsAt").asString()).isEqualTo("0001-01-01T00:00:00Z");
		String id = firing.path("fingerprint").asString();
		assertThat(firing.path("generatorURL").asString()).isEqualTo("http://statwall.example/alerts#alert-" + id);

		MimeMessage mail = awaitMail("[FIRING] memory_high on mail-1");
		assertThat(mail.getFrom()[0].toString()).isEqualTo("statwall@example.org");
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ops@example.org");
		String[] parts = parts(mail);
		assertThat(parts[0]).contains("FIRING: 95.5% memory used on mail-1 (" + HOSTILE_OS + ")")
			.contains("alertname: memory_high").contains("http://statwall.example/alerts#alert-" + id);
		assertThat(parts[1]).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain(HOSTILE_OS);

		sample("mail-1", Map.of("memory.usage", 40.0), Map.of());
		evaluate();
		JsonNode resolved = awaitWebhook("mail-1", "resolved");
		assertThat(Instant.parse(resolved.path("endsAt").asString())).isAfterOrEqualTo(Instant.parse(firing.path("startsAt").asString()));
		assertThat(resolved.path("fingerprint").asString()).isEqualTo(id);
		awaitMail("[RESOLVED] memory_high on mail-1");
		assertThat(mails("on mail-1")).as("one message per state change").hasSize(2);
	}

	@Test
	void whenTheWebhookFailsForAWhileThenItIsRetriedUntilDeliveredAndCountedInPrometheus() throws Exception {
		WEBHOOK.failNext.set(3);
		int refused = WEBHOOK.refused.get();
		sample("retry-1", Map.of("fs./srv.usage", 97.0), Map.of());
		evaluate();
		JsonNode firing = awaitWebhook("retry-1", "firing");
		assertThat(WEBHOOK.refused.get() - refused).isEqualTo(3);
		assertThat(firing.path("labels").path("mount").asString()).isEqualTo("/srv");
		String metrics = get("/actuator/prometheus").body();
		assertThat(metrics).containsPattern("statwall_alerts_notifications_total\\{[^}]*receiver=\"webhook\\[0\\]\",result=\"failed\"} [3-9]")
			.containsPattern("statwall_alerts_notifications_total\\{[^}]*receiver=\"webhook\\[0\\]\",result=\"sent\"} [1-9]")
			.containsPattern("statwall_alerts_notifications_total\\{[^}]*receiver=\"email\",result=\"dropped\"} 0")
			.contains("statwall_alerts_firing{").contains("statwall_alerts_evaluation_seconds");
	}

	@Test
	void whenAnAlertFiresThenTheApiListsItAndOnlyTheAdminTokenSilencesIt() throws Exception {
		sample("api-1", Map.of("memory.usage", 99.0), Map.of());
		evaluate();
		JsonNode alerts = this.json.readTree(get("/api/v1/alerts?node=api-1").body());
		assertThat(alerts.path("counts").path("critical").asInt()).isPositive();
		JsonNode alert = alerts.path("alerts").get(0);
		assertThat(alert.path("rule").asString()).isEqualTo("memory_high");
		assertThat(alert.path("state").asString()).isEqualTo("firing");
		assertThat(alert.path("value").asDouble()).isEqualTo(99.0);
		assertThat(alert.path("silence").isNull()).isTrue();
		assertThat(alerts.path("changes").get(0).path("state").asString()).isEqualTo("firing");
		String id = alert.path("id").asString();

		String silence = "/api/v1/alerts/" + id + "/silence?for=2h&comment=disk+swap";
		assertRefused(post(silence, null), 401, "statwall.hub.token");
		assertRefused(post(silence, "Bearer wrong"), 401, "statwall.hub.token");
		assertRefused(post("/api/v1/alerts/" + id + "/silence?for=soon", "Bearer admin-token"), 400, "'for' must be a duration");
		assertRefused(post("/api/v1/alerts/" + id + "/silence?for=90d", "Bearer admin-token"), 400, "from 1m to 30d");
		assertRefused(post("/api/v1/alerts/" + id + "/silence", "Bearer admin-token"), 400, "'for' is required");
		assertRefused(post("/api/v1/alerts/0000/silence?for=1h", "Bearer admin-token"), 404, "no alert '0000'");
		assertRefused(get("/api/v1/alerts?limit=-1"), 400, "'limit'");
		assertRefused(get("/api/v1/alerts?state=sideways"), 400, "'state'");
		HttpResponse<String> silenced = post(silence, "Bearer admin-token");
		assertThat(silenced.statusCode()).as(silenced.body()).isEqualTo(200);
		JsonNode record = this.json.readTree(silenced.body());
		assertThat(record.path("by").asString()).startsWith("statwall.hub.token from ");
		assertThat(record.path("comment").asString()).isEqualTo("disk swap");
		assertThat(Duration.between(Instant.now(), Instant.parse(record.path("until").asString())))
			.isBetween(Duration.ofMinutes(119), Duration.ofMinutes(121));
		JsonNode listed = this.json.readTree(get("/api/v1/alerts?node=api-1").body()).path("alerts").get(0);
		assertThat(listed.path("silence").path("by").asString()).startsWith("statwall.hub.token");

		HttpResponse<String> ended = this.http.send(HttpRequest.newBuilder(uri("/api/v1/alerts/" + id + "/silence"))
			.DELETE().header("Authorization", "Bearer admin-token").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(ended.statusCode()).isEqualTo(204);
		assertThat(this.json.readTree(get("/api/v1/alerts?node=api-1").body()).path("alerts").get(0).path("silence").isNull())
			.isTrue();
	}

	@Test
	void whenANodeAlertsThenItsTileIsOutlinedFilterableAndItsPageListsTheAlertEscaped() throws Exception {
		sample("tile-1", Map.of("memory.usage", 96.0, "cpu.usage", 5.0), Map.of("system.os", HOSTILE_OS));
		sample("tile-2", Map.of("memory.usage", 20.0, "cpu.usage", 5.0), Map.of());
		evaluate();
		String overview = get("/").body();
		assertThat(tile(overview, "tile-1")).contains("data-alert=\"critical\"");
		assertThat(tile(overview, "tile-2")).doesNotContain("data-alert");
		assertThat(overview).contains("id=\"alert-badge\"").contains("<option value=\"alerting\">alerting</option>");
		String alerting = this.http.send(HttpRequest.newBuilder(uri("/?status=alerting")).header("HX-Request", "true").build(),
				HttpResponse.BodyHandlers.ofString()).body();
		assertThat(alerting).contains("data-node=\"tile-1\"").doesNotContain("data-node=\"tile-2\"");

		String page = get("/nodes/tile-1").body();
		assertThat(page).contains("id=\"node-alerts\"").contains("memory_high")
			.contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain(HOSTILE_OS);
		String alertsPage = get("/alerts").body();
		assertThat(alertsPage).contains("data-alert-id=").contains("&lt;img src=x onerror=alert(1)&gt;")
			.doesNotContain(HOSTILE_OS);
		assertThat(get("/alerts?node=" + "x".repeat(64)).statusCode()).isEqualTo(400);
	}

	private JsonNode awaitWebhook(String node, String status) {
		await().atMost(Duration.ofSeconds(20)).until(() -> webhookAlert(node, status) != null);
		return webhookAlert(node, status);
	}

	private JsonNode webhookAlert(String node, String status) {
		return WEBHOOK.alerts("/hook")
			.stream()
			.filter((alert) -> alert.path("labels").path("node").asString().equals(node)
					&& alert.path("status").asString().equals(status))
			.findFirst()
			.orElse(null);
	}

	private MimeMessage awaitMail(String subject) {
		await().atMost(Duration.ofSeconds(20)).until(() -> !mails(subject).isEmpty());
		return mails(subject).get(0);
	}

	private static List<MimeMessage> mails(String subject) {
		return java.util.Arrays.stream(SMTP.getReceivedMessages()).filter((message) -> {
			try {
				return message.getSubject().contains(subject);
			}
			catch (jakarta.mail.MessagingException ex) {
				return false;
			}
		}).toList();
	}

	/** The plain text and the HTML of a message. */
	private static String[] parts(MimeMessage mail) throws Exception {
		String[] texts = new String[2];
		collect((Multipart) mail.getContent(), texts);
		return texts;
	}

	private static void collect(Multipart multipart, String[] texts) throws Exception {
		for (int i = 0; i < multipart.getCount(); i++) {
			jakarta.mail.BodyPart part = multipart.getBodyPart(i);
			if (part.getContent() instanceof Multipart nested) {
				collect(nested, texts);
			}
			else if (part.isMimeType("text/plain")) {
				texts[0] = (String) part.getContent();
			}
			else if (part.isMimeType("text/html")) {
				texts[1] = (String) part.getContent();
			}
		}
	}

	private static String tile(String overview, String node) {
		int at = overview.indexOf("data-node=\"" + node + "\"");
		assertThat(at).as("a tile for %s", node).isPositive();
		int start = overview.lastIndexOf("<div class=\"tile\"", at);
		return overview.substring(start, overview.indexOf(">", at));
	}

	private static void assertRefused(HttpResponse<String> response, int status, String reason) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		assertThat(response.body()).contains("\"reason\":").contains(reason);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody());
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
