package dev.statwall.agent;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;

import javax.net.ssl.SSLSocketFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.statwall.hub.NodeRegistry;
import dev.statwall.sampling.Reading;
import dev.statwall.sampling.Sample;
import dev.statwall.testing.PrivateCa;
import dev.statwall.testing.RecordingLog;
import dev.statwall.testing.SecretHolder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A hub serving HTTPS through a Spring Boot SSL bundle, with a certificate from a CA made here, and
 * agents that trust that CA, or do not.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "statwall.role=hub", "statwall.hub.token=" + SecretHolder.TOKEN, "statwall.hub.sample-self=false",
				"statwall.sampling.interval=1h", "statwall.data-dir=target/test-data/tls-hub-${random.uuid}", "server.ssl.bundle=hub" })
class TlsHubTests {

	private static PrivateCa ca;

	private static PrivateCa otherCa;

	@LocalServerPort
	private int port;

	@Autowired
	private NodeRegistry nodes;

	private final RecordingLog log = new RecordingLog();

	private Agent agent;

	private Thread sender;

	@DynamicPropertySource
	static void certificates(DynamicPropertyRegistry registry) throws Exception {
		Path dir = Files.createTempDirectory("statwall-tls");
		ca = PrivateCa.make(dir.resolve("rack"), "hub.local");
		otherCa = PrivateCa.make(dir.resolve("other"), "hub.local");
		registry.add("spring.ssl.bundle.pem.hub.keystore.certificate", () -> "file:" + ca.certificate());
		registry.add("spring.ssl.bundle.pem.hub.keystore.private-key", () -> "file:" + ca.key());
	}

	@AfterEach
	void stop() throws InterruptedException {
		if (this.agent != null) {
			this.agent.stop();
			this.sender.interrupt();
			this.sender.join(5_000);
		}
	}

	private void start(String node, SSLSocketFactory tls) {
		this.agent = TestAgents.agent(node, "run-" + node, 1000, 100, new HubConnection(URI.create("https://localhost:" + this.port), SecretHolder.TOKEN, Duration.ofSeconds(5),
						tls),
				Duration.ofMillis(50), Duration.ofMillis(200), 1, 50, this.log);
		this.sender = new Thread(this.agent, "test-sender-" + node);
		this.sender.start();
		for (long seq = 1; seq <= 3; seq++) {
			this.agent.accept(new Sample(seq, System.currentTimeMillis(),
					new Reading(Map.of("cpu.usage", 10.0 + seq, "memory.usage", 50.0), Map.of(), Map.of())));
		}
	}

	private void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("within 20 s").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	@Test
	void whenTheAgentTrustsTheCaFileThenItDeliversOverHttps() throws Exception {
		start("tls-good", HubTrust.of(ca.ca()).getSocketFactory());
		// the read API over HTTPS too, from a client that trusts the same CA
		HttpClient https = HttpClient.newBuilder().sslContext(HubTrust.of(ca.ca())).build();
		HttpRequest read = HttpRequest.newBuilder(URI.create("https://localhost:" + this.port + "/api/v1/nodes/tls-good")).build();
		awaitUntil(() -> {
			try {
				return https.send(read, HttpResponse.BodyHandlers.ofString()).body().contains("\"lastSeq\":3");
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		});
		assertThat(this.agent.hubLost()).isFalse();
		assertThat(this.log.at("ERROR")).isEmpty();
	}

	@Test
	void whenTheAgentDoesNotTrustTheHubsCertificateThenItSendsNothingAndSaysSoOnce() throws Exception {
		for (String node : new String[] { "tls-system-store", "tls-other-ca" }) {
			SSLSocketFactory tls = node.equals("tls-system-store") ? (SSLSocketFactory) SSLSocketFactory.getDefault()
					: HubTrust.of(otherCa.ca()).getSocketFactory();
			start(node, tls);
			awaitUntil(() -> this.agent.hubLost());
			long failures = this.agent.sent();
			Thread.sleep(1_000); // several retries, each with the same refusal
			assertThat(failures).isZero();
			assertThat(this.agent.sent()).as("no sample delivered").isZero();
			assertThat(this.nodes.find(node)).as("the hub never heard of it").isEmpty();
			assertThat(this.log.at("ERROR")).as("said once, as an error").singleElement().asString()
				.contains("is not trusted").contains("statwall.hub.ca-file");
			stop();
			this.agent = null;
			this.log.lines().clear();
		}
	}

	@Test
	void whenTheCaFileIsMissingOrNoCertificateThenTheAgentDoesNotStartAndSaysWhichKey() throws IOException {
		assertThatIllegalArgumentException().isThrownBy(() -> HubTrust.of(Path.of("/nonexistent/ca.crt")))
			.withMessageContaining("statwall.hub.ca-file");
		Path empty = Files.createTempFile("statwall-ca", ".crt");
		Files.writeString(empty, "not a certificate\n");
		assertThatIllegalArgumentException().isThrownBy(() -> HubTrust.of(empty)).withMessageContaining("statwall.hub.ca-file");
	}

}
