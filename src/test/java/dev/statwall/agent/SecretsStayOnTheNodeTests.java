package dev.statwall.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.statwall.role.Roles;
import dev.statwall.sampling.ProbeFactory;
import dev.statwall.sampling.Sample;
import dev.statwall.sampling.SystemProbe;
import dev.statwall.testing.OpenHub;
import dev.statwall.testing.RecordingLog;
import dev.statwall.testing.SecretHolder;
import dev.statwall.wire.SampleBatch;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets never leave the node: an agent reads a real process with secrets on its command line
 * and sends to a real hub through a relay that keeps every request body as it went over the wire.
 */
@OpenHub
class SecretsStayOnTheNodeTests {

	@LocalServerPort
	private int port;

	private final List<String> bodies = new CopyOnWriteArrayList<>();

	private SecretHolder holder;

	private HttpServer relay;

	private Agent agent;

	private Thread sender;

	@AfterEach
	void stop() throws Exception {
		if (this.agent != null) {
			this.agent.stop();
			this.sender.interrupt();
			this.sender.join(5_000);
		}
		if (this.relay != null) {
			this.relay.stop(0);
		}
		if (this.holder != null) {
			this.holder.close();
		}
	}

	@Test
	void whenAnAgentReadsAProcessWithSecretsThenItsRequestsAndTheHubsNodePageHoldOnlyStars() throws Exception {
		this.holder = SecretHolder.start();
		startRelay();
		// the agent's own configuration, read as AgentMain reads it
		SystemProbe probe = ProbeFactory.create(Roles.environment("--statwall.hub.token=" + SecretHolder.TOKEN,
				"--statwall.sampling.processes.top=1000"));
		this.agent = TestAgents.agent("secret-agent", SampleBatch.newRun(), 500, 100, new HubConnection(URI.create("http://127.0.0.1:" + this.relay.getAddress().getPort()), SecretHolder.TOKEN,
						Duration.ofSeconds(5)),
				Duration.ofMillis(50), Duration.ofMillis(200), 1, 50, new RecordingLog());
		this.sender = new Thread(this.agent, "test-sender");
		this.sender.start();

		String row = "data-key=\"" + this.holder.pid() + "\"";
		String page = "";
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		for (long seq = 1; !page.contains(row) && System.nanoTime() < deadline; seq++) {
			this.agent.accept(new Sample(seq, Clock.systemUTC().millis(), probe.read()));
			Thread.sleep(300);
			page = get("/nodes/secret-agent");
		}
		assertThat(page).as("the hub's page of the agent's node lists the process").contains(row);
		String shown = page.substring(page.indexOf(row));
		shown = shown.substring(0, shown.indexOf("</tr>"));
		assertThat(shown).contains(SecretHolder.MASKED).doesNotContain(SecretHolder.SECRETS);
		assertThat(page).doesNotContain(SecretHolder.SECRETS);

		String wire = String.join("\n", this.bodies);
		assertThat(wire).as("the requests carried the process").contains("PGPASSWORD=***", "--password ***");
		assertThat(wire).as("and no secret, in any request").doesNotContain(SecretHolder.SECRETS);
	}

	private String get(String path) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
	}

	/** Passes each ingest request on to the hub, keeping its body exactly as it came. */
	private void startRelay() throws IOException {
		this.relay = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.relay.createContext("/api/v1/ingest", (exchange) -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			this.bodies.add(new String(body, StandardCharsets.UTF_8));
			HttpURLConnection hub = (HttpURLConnection) URI.create("http://127.0.0.1:" + this.port + "/api/v1/ingest")
				.toURL()
				.openConnection();
			hub.setRequestMethod("POST");
			hub.setDoOutput(true);
			hub.setRequestProperty("Content-Type", exchange.getRequestHeaders().getFirst("Content-Type"));
			hub.setRequestProperty("Authorization", exchange.getRequestHeaders().getFirst("Authorization"));
			try (OutputStream out = hub.getOutputStream()) {
				out.write(body);
			}
			int status = hub.getResponseCode();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			try (InputStream in = (status >= 400) ? hub.getErrorStream() : hub.getInputStream()) {
				if (in != null) {
					in.transferTo(answer);
				}
			}
			exchange.sendResponseHeaders(status, answer.size());
			exchange.getResponseBody().write(answer.toByteArray());
			exchange.close();
		});
		this.relay.start();
	}

}
