package dev.statwall.agent;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.statwall.sampling.Reading;
import dev.statwall.sampling.Sample;
import dev.statwall.testing.OpenHub;
import dev.statwall.testing.RecordingLog;
import dev.statwall.testing.SecretHolder;
import dev.statwall.wire.SampleBatch;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Two agents with the same node name against a real hub: the second waits until the first is silent. */
@OpenHub
@ExtendWith(OutputCaptureExtension.class)
class NodeNameClaimTests {

	@LocalServerPort
	private int port;

	private final Twin first = new Twin();

	private final Twin second = new Twin();

	@AfterEach
	void stop() throws InterruptedException {
		this.first.stop();
		this.second.stop();
	}

	@Test
	void whenASecondAgentClaimsANodeWhileTheFirstSendsThenItIsRefusedUntilTheFirstGoesSilent(CapturedOutput output)
			throws Exception {
		this.first.start(this.port);
		awaitUntil(() -> this.first.agent.sent() >= 2);
		this.second.start(this.port);
		awaitUntil(() -> this.second.agent.hubLost());
		Thread.sleep(1_000); // the second retries, refused each time
		assertThat(this.second.agent.sent()).as("nothing of the second taken while the first sends").isZero();
		assertThat(this.second.log.at("WARN")).as("the second agent says so once").singleElement().asString()
			.contains("409").contains("belongs to another agent run that is still sending");
		assertThat(output.getOut().lines().filter((line) -> line.contains("Refused agent run " + this.second.run)))
			.as("and so does the hub").hasSize(1);
		long firstSent = this.first.agent.sent();
		assertThat(this.first.agent.hubLost()).isFalse();

		this.first.stop(); // silent from now on
		awaitUntil(() -> this.second.agent.sent() > 0);
		assertThat(this.second.log.at("INFO")).singleElement().asString().contains("is back");
		assertThat(firstSent).isPositive();
		String samples = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/nodes/twin/samples")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(samples).as("the node's second agent run").contains("\"run\":2");
	}

	private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("within 20 s").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	/** An agent named "twin" with a sampler thread of its own. */
	private static final class Twin {

		final RecordingLog log = new RecordingLog();

		final String run = SampleBatch.newRun();

		final AtomicBoolean sampling = new AtomicBoolean();

		Agent agent;

		Thread sender;

		Thread sampler;

		void start(int port) {
			this.agent = TestAgents.agent("twin", this.run, 200, 1000, new HubConnection(URI.create("http://127.0.0.1:" + port), SecretHolder.TOKEN, Duration.ofSeconds(5)),
				Duration.ofMillis(50), Duration.ofMillis(300), 7, 50, this.log);
			this.sender = new Thread(this.agent, "twin-sender");
			this.sender.start();
			this.sampling.set(true);
			this.sampler = new Thread(() -> {
				for (long seq = 1; this.sampling.get(); seq++) {
					this.agent.accept(new Sample(seq, System.currentTimeMillis(),
							new Reading(Map.of("cpu.usage", (double) (seq % 100)), Map.of(), Map.of())));
					try {
						Thread.sleep(200);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "twin-sampler");
			this.sampler.start();
		}

		void stop() throws InterruptedException {
			if (this.agent == null) {
				return;
			}
			this.sampling.set(false);
			this.sampler.interrupt();
			this.sampler.join(5_000);
			this.agent.stop();
			this.sender.interrupt();
			this.sender.join(5_000);
		}

	}

}
