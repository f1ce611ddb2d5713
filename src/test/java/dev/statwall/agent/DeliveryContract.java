package dev.statwall.agent;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.statwall.testing.RecordingLog;
import dev.statwall.testing.ScriptedHub;
import dev.statwall.wire.SampleBatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What delivering to a hub means, written once and run by every sender: the agent and each node
 * of the simulator. A node samples every 20 ms and delivers to a {@link ScriptedHub}; each test
 * plays one sequence of answers and checks what arrives and what is said. Both senders pass the
 * same tests because they drive the same {@link Delivery}; a sender with a loop of its own would
 * have to get every answer right again, and this is where it would fail.
 */
public abstract class DeliveryContract {

	/** How long anything may take on a machine that is busy with other work. */
	protected static final Duration DEADLINE = Duration.ofSeconds(60);

	protected final RecordingLog log = new RecordingLog();

	private ScriptedHub hub;

	private Sender sender;

	/** One node that samples every 20 ms, delivering to {@code hub} with these settings. */
	protected abstract Sender start(URI hub, AgentProperties settings, RecordingLog log);

	/** A running sender, as a test sees it. */
	protected interface Sender extends AutoCloseable {

		Delivery delivery();

		@Override
		void close();

	}

	@BeforeEach
	void hub() throws Exception {
		this.hub = new ScriptedHub();
	}

	@AfterEach
	void stop() {
		if (this.sender != null) {
			this.sender.close();
		}
		if (this.hub != null) {
			this.hub.close();
		}
	}

	private Delivery sender(int spool) {
		// a timeout a hub starved of CPU still answers within: a timeout would be an outage
		AgentProperties settings = new AgentProperties(spool, 300, Duration.ofMillis(50), Duration.ofMillis(200),
				Duration.ofSeconds(20), Path.of("unused"));
		this.sender = start(this.hub.url(), settings, this.log);
		return this.sender.delivery();
	}

	@Test
	void whenTheHubIsAwayThenSamplesAreSpooledAndArriveOnceEachInOrderWhenItIsBack() throws Exception {
		Delivery delivery = sender(1000);
		await().atMost(DEADLINE).until(delivery::hubLost);
		await().atMost(DEADLINE).until(() -> retries() >= 3 && delivery.spooled() >= 10);
		this.hub.start((batch) -> 200);
		awaitReceived(40);
		await().atMost(DEADLINE).until(() -> !delivery.hubLost());

		assertEverySampleOnceInOrderFrom(1);
		assertThat(this.log.at("WARN")).as("the loss is said once, not at every retry").singleElement().asString()
			.contains("cannot be reached");
		assertThat(this.log.at("INFO")).as("and the return once").hasSize(1);
		assertThat(this.log.at("ERROR")).isEmpty();
		assertThat(this.log.lines()).noneMatch((line) -> line.contains(ScriptedHub.TOKEN));
	}

	@Test
	void whenTheHubFindsABatchTooLargeThenTheBatchesHalveUntilTheyFitAndEverySampleArrives() throws Exception {
		Delivery delivery = sender(1000);
		await().atMost(DEADLINE).until(() -> delivery.hubLost() && delivery.spooled() >= 20);
		this.hub.start((batch) -> (batch.size() > 5) ? 413 : 200);
		awaitReceived(40);

		assertEverySampleOnceInOrderFrom(1);
		assertThat(this.hub.refused()).as("413s, each for a larger batch than the hub takes")
			.isNotEmpty()
			.allSatisfy((refusal) -> assertThat(refusal).containsExactly(413, refusal[1]))
			.allSatisfy((refusal) -> assertThat(refusal[1]).isGreaterThan(5));
		assertThat(this.hub.taken()).allSatisfy((batch) -> assertThat(batch.size()).isLessThanOrEqualTo(5));
		assertThat(this.log.at("WARN")).singleElement().asString().contains("cannot be reached");
		assertThat(delivery.rejected()).as("nothing dropped for being too large while it could be split").isZero();
	}

	@Test
	void whenTheHubCallsABatchBadThenItIsDroppedSaidOnceAndLaterSamplesStillArrive() throws Exception {
		AtomicInteger answers = new AtomicInteger();
		this.hub.start((batch) -> (answers.incrementAndGet() == 1) ? 400 : 200);
		Delivery delivery = sender(1000);
		awaitReceived(10);

		List<Long> received = this.hub.received();
		long firstTaken = received.get(0);
		assertThat(firstTaken).as("the refused batch's samples never arrive").isGreaterThan(1);
		assertEverySampleOnceInOrderFrom(firstTaken);
		assertThat(delivery.rejected()).isEqualTo(firstTaken - 1);
		assertThat(this.log.at("WARN")).singleElement().asString()
			.contains("refused samples 1 to " + (firstTaken - 1))
			.contains("400");
		assertThat(this.log.at("ERROR")).isEmpty();
	}

	@Test
	void whenTheHubRefusesTheTokenThenItIsOneErrorTheSamplesAreKeptAndArriveOnceItTakesThem() throws Exception {
		AtomicBoolean refusing = new AtomicBoolean(true);
		this.hub.start((batch) -> refusing.get() ? 401 : 200);
		Delivery delivery = sender(1000);
		await().atMost(DEADLINE).until(() -> delivery.hubLost() && this.hub.refused().size() >= 3);
		assertThat(this.hub.received()).isEmpty();
		refusing.set(false); // the hub's token was rotated back
		awaitReceived(20);

		// the hub counts a batch before the sender reads the answer that ends the outage
		await().atMost(DEADLINE).until(() -> !delivery.hubLost());
		assertEverySampleOnceInOrderFrom(1);
		assertThat(this.log.at("ERROR")).as("said once, as an error").singleElement().asString()
			.contains("refuses")
			.doesNotContain(ScriptedHub.TOKEN);
		assertThat(this.log.at("WARN")).isEmpty();
		assertThat(this.log.at("INFO")).hasSize(1);
	}

	@Test
	void whenTheOutageOutlastsTheSpoolThenTheOldestAreDroppedAndTheHubIsToldHowMany() throws Exception {
		Delivery delivery = sender(10);
		await().atMost(DEADLINE).until(() -> delivery.dropped() >= 15);
		this.hub.start((batch) -> 200);
		awaitReceived(10);

		SampleBatch first = this.hub.taken().get(0);
		long firstTaken = first.seq()[0];
		assertThat(first.dropped()).as("the batch says how many went before it").isEqualTo(firstTaken - 1)
			.isGreaterThanOrEqualTo(15);
		assertThat(first.size()).isLessThanOrEqualTo(10);
		// a spool of ten also overflows while a slow hub takes a batch: later gaps are drops too
		List<Long> received = this.hub.received();
		for (int i = 1; i < received.size(); i++) {
			assertThat(received.get(i)).as("in order, never twice: %s", received).isGreaterThan(received.get(i - 1));
		}
	}

	@Test
	void whenTheHubComesUpRefusingTheTokenAfterAnOutageThenThatIsSaidTooOnceAsAnError() throws Exception {
		Delivery delivery = sender(1000);
		await().atMost(DEADLINE).until(() -> delivery.hubLost() && retries() >= 2);
		this.hub.start((batch) -> 403);
		await().atMost(DEADLINE).until(() -> !this.log.at("ERROR").isEmpty() && this.hub.refused().size() >= 3);

		assertThat(this.log.at("WARN")).singleElement().asString().contains("cannot be reached");
		assertThat(this.log.at("ERROR")).as("a refusal is no outage that will pass: said even mid-outage")
			.singleElement().asString().contains("403");
		assertThat(this.log.at("INFO")).isEmpty();
		assertThat(delivery.spooled()).as("samples kept").isPositive();
	}

	private long retries() {
		return this.log.at("DEBUG").stream().filter((line) -> line.contains("retry")).count();
	}

	private void awaitReceived(int count) {
		await().atMost(DEADLINE).until(() -> this.hub.received().size() >= count);
	}

	/** No gap, no duplicate, in order: {@code first}, first + 1, ... */
	private void assertEverySampleOnceInOrderFrom(long first) {
		List<Long> received = this.hub.received();
		for (int i = 0; i < received.size(); i++) {
			assertThat(received.get(i)).as("sample %d of %s", i, received).isEqualTo(first + i);
		}
	}

}
