package dev.statwall.agent;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.stream.LongStream;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.statwall.sampling.Reading;
import dev.statwall.sampling.Sample;
import dev.statwall.testing.RecordingLog;
import dev.statwall.wire.SampleBatch;
import dev.statwall.wire.SampleBatchReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real agent sender against a small recording HTTP server that plays the hub: what arrives, in
 * which order, and what the agent says about it.
 */
class AgentTests {

	private final RecordingLog log = new RecordingLog();

	private final List<Long> received = new CopyOnWriteArrayList<>();

	private final List<SampleBatch> batches = new CopyOnWriteArrayList<>();

	private HttpServer hub;

	private Agent agent;

	private Thread sender;

	@AfterEach
	void stop() throws InterruptedException {
		if (this.agent != null) {
			this.agent.stop();
			this.sender.interrupt();
			this.sender.join(5_000);
		}
		if (this.hub != null) {
			this.hub.stop(0);
		}
	}

	@Test
	void whenHubIsDownThenAgentSpoolsAndSendsBacklogInOrder() throws Exception {
		int port = freePort();
		start(port, 7);
		for (long seq = 1; seq <= 30; seq++) {
			sample(seq);
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> this.agent.hubLost());
		Thread.sleep(500); // several retries fail meanwhile
		startHub(port, () -> 200);
		for (long seq = 31; seq <= 40; seq++) {
			sample(seq);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> this.received.size() >= 40);

		assertThat(this.received).as("every sample once, in order").containsExactlyElementsOf(range(1, 40));
		assertThat(this.batches).allSatisfy((batch) -> assertThat(batch.size()).isLessThanOrEqualTo(7));
		assertThat(this.log.at("WARN")).as("the loss is said once, not at every retry").hasSize(1);
		assertThat(this.log.at("WARN").get(0)).contains("cannot be reached").contains("spooling up to 100 samples");
		assertThat(this.log.at("INFO")).as("and the return once").hasSize(1);
		assertThat(this.log.at("INFO").get(0)).contains("is back");
		assertThat(this.log.at("DEBUG")).as("each retry only at debug").isNotEmpty();
		assertThat(this.log.lines()).noneMatch((line) -> line.contains("s3cret"));
	}

	@Test
	void whenTheOutageOutlastsTheSpoolThenTheOldestAreDroppedAndTheHubIsToldHowMany() throws Exception {
		int port = freePort();
		Spool spool = new Spool(10);
		this.agent = new Agent("pi-07", "run-2", 1000, spool,
				new HubConnection(URI.create("http://127.0.0.1:" + port), "s3cret", Duration.ofSeconds(2)), backoff(),
				50, this.log);
		for (long seq = 1; seq <= 25; seq++) {
			sample(seq); // no sender yet: the hub is away for 25 samples
		}
		assertThat(spool.dropped()).isEqualTo(15);
		startHub(port, () -> 200);
		this.sender = new Thread(this.agent);
		this.sender.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.received.size() >= 10);
		assertThat(this.received).as("the newest 10, in order").containsExactlyElementsOf(range(16, 25));
		assertThat(this.batches.get(this.batches.size() - 1).dropped()).isEqualTo(15);
	}

	@Test
	void whenTheHubRefusesABatchThenItIsDroppedSaidOnceAndLaterSamplesStillArrive() throws Exception {
		int port = freePort();
		AtomicInteger answers = new AtomicInteger();
		startHub(port, () -> (answers.incrementAndGet() == 1) ? 400 : 200);
		start(port, 50);
		sample(1);
		await().atMost(Duration.ofSeconds(5)).until(() -> answers.get() >= 1);
		sample(2);
		sample(3);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.received.containsAll(List.of(2L, 3L)));
		assertThat(this.log.at("WARN")).singleElement().asString().contains("refused samples 1 to 1").contains("400");
		assertThat(this.agent.rejected()).isEqualTo(1);
	}

	@Test
	void whenTheBatchIsTooLargeForTheHubThenTheAgentSendsSmallerOnes() throws Exception {
		int port = freePort();
		start(port, 16);
		for (long seq = 1; seq <= 16; seq++) {
			sample(seq);
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> this.agent.hubLost());
		startHub(port, () -> 200, 5);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.received.size() >= 16);
		assertThat(this.received).containsExactlyElementsOf(range(1, 16));
		assertThat(this.batches).allSatisfy((batch) -> assertThat(batch.size()).isLessThanOrEqualTo(5));
	}

	@Test
	void whenTheHubRefusesTheTokenThenTheAgentSaysSoOnceAsAnErrorAndKeepsTheSamples() throws Exception {
		int port = freePort();
		startHub(port, () -> 401);
		start(port, 50);
		sample(1);
		sample(2);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.agent.hubLost());
		Thread.sleep(400);
		assertThat(this.log.at("ERROR")).singleElement().asString().contains("refuses this agent's token")
			.doesNotContain("s3cret");
		assertThat(this.received).isEmpty();
	}

	private void start(int port, int batchSize) {
		this.agent = new Agent("pi-07", "run-1", 1000, new Spool(100),
				new HubConnection(URI.create("http://127.0.0.1:" + port), "s3cret", Duration.ofSeconds(2)), backoff(),
				batchSize, this.log);
		this.sender = new Thread(this.agent, "test-sender");
		this.sender.start();
	}

	private static Backoff backoff() {
		return new Backoff(Duration.ofMillis(50), Duration.ofMillis(200), new SplittableRandom(1));
	}

	private void sample(long seq) {
		this.agent.accept(new Sample(seq, 1_000_000 + seq * 1000,
				new Reading(Map.of("cpu.usage", (double) seq, "memory.usage", 50.0), Map.of(), Map.of())));
	}

	private void startHub(int port, IntSupplier status) throws IOException {
		startHub(port, status, Integer.MAX_VALUE);
	}

	/** Records every batch it takes; a batch above {@code maxSamples} is answered 413, as a body too large. */
	private void startHub(int port, IntSupplier status, int maxSamples) throws IOException {
		SampleBatchReader reader = new SampleBatchReader();
		this.hub = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		this.hub.createContext("/api/v1/ingest", (exchange) -> {
			SampleBatch batch = reader.read(exchange.getRequestBody().readAllBytes());
			assertThat(exchange.getRequestHeaders().getFirst("Authorization")).isEqualTo("Bearer s3cret");
			int answer = (batch.size() > maxSamples) ? 413 : status.getAsInt();
			if (answer == 200) {
				this.batches.add(batch);
				LongStream.of(batch.seq()).forEach(this.received::add);
			}
			byte[] body = "{\"reason\":\"test\"}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(answer, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.hub.start();
	}

	private static List<Long> range(long from, long to) {
		return LongStream.rangeClosed(from, to).boxed().toList();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
