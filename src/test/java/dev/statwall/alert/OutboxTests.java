package dev.statwall.alert;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One receiver's queue: retried with backoff until delivered, bounded, and honest in its logs and counters. */
@ExtendWith(OutputCaptureExtension.class)
class OutboxTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final AlertFixture.Receiver receiver = new AlertFixture.Receiver();

	private final List<String> delivered = new CopyOnWriteArrayList<>();

	@Test
	void whenTheReceiverIsDownForAWhileThenEverythingArrivesInOrderAndItIsLoggedOnceDownAndOnceBack(CapturedOutput output) {
		this.receiver.down = true;
		try (Outbox outbox = outbox(100)) {
			for (int i = 0; i < 5; i++) {
				outbox.offer(notification("n" + i));
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> this.receiver.failures.get() >= 5);
			assertThat(outbox.failing()).isTrue();
			this.receiver.down = false;
			await().atMost(Duration.ofSeconds(10)).until(() -> this.delivered.size() == 5);
			assertThat(this.receiver.received).extracting(Notification::id).containsExactly("n0", "n1", "n2", "n3", "n4");
			assertThat(this.delivered).containsExactly("test:n0", "test:n1", "test:n2", "test:n3", "test:n4");
			assertThat(count(output.getAll(), "cannot be delivered")).isEqualTo(1);
			assertThat(count(output.getAll(), "are delivered again")).isEqualTo(1);
			assertThat(this.meters.get("statwall.alerts.notifications").tag("result", "sent").counter().count()).isEqualTo(5);
			assertThat(this.meters.get("statwall.alerts.notifications").tag("result", "failed").counter().count())
				.isGreaterThanOrEqualTo(5);
		}
	}

	@Test
	void whenTheQueueIsFullThenTheOldestAreDroppedCountedAndSaidOnce(CapturedOutput output) {
		this.receiver.down = true;
		try (Outbox outbox = outbox(3)) {
			outbox.offer(notification("first"));
			await().atMost(Duration.ofSeconds(10)).until(() -> this.receiver.failures.get() >= 1);
			for (int i = 0; i < 9; i++) {
				outbox.offer(notification("n" + i));
			}
			assertThat(outbox.size()).isEqualTo(3);
			assertThat(this.meters.get("statwall.alerts.notifications").tag("result", "dropped").counter().count()).isEqualTo(6);
			assertThat(this.meters.get("statwall.alerts.queue").gauge().value()).isEqualTo(3);
			assertThat(count(output.getAll(), "are dropped")).isEqualTo(1);
			this.receiver.down = false;
			await().atMost(Duration.ofSeconds(10)).until(() -> this.delivered.size() == 4);
			assertThat(this.receiver.received).extracting(Notification::id).containsExactly("first", "n6", "n7", "n8");
		}
	}

	private Outbox outbox(int capacity) {
		return new Outbox("test", new SingleSender(this.receiver), capacity, Duration.ofMillis(20), Duration.ofMillis(100),
				(name, notification) -> this.delivered.add(name + ":" + notification.id()), this.meters);
	}

	private static Notification notification(String id) {
		return new Notification(id, Map.of("alertname", "x", "node", "pi-1", "severity", "warning"), "summary",
				AlertState.FIRING, 1, 1, 0, 1, 1, false);
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

	/** The test's receiver, one notification per delivery. */
	private record SingleSender(AlertFixture.Receiver receiver) implements Outbox.Sender {

		@Override
		public void send(List<Notification> batch) throws Exception {
			this.receiver.send(batch);
		}

		@Override
		public int batchSize() {
			return 1;
		}

		@Override
		public String describe() {
			return "the test's receiver";
		}

	}

}
