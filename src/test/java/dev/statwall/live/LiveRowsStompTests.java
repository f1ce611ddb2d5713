package dev.statwall.live;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.statwall.live.LiveRows.LiveRow;
import dev.statwall.sampling.Table;
import dev.statwall.testing.FakeProbe;
import dev.statwall.testing.FakeProbeConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A real server on a random port, a real STOMP client, and the fake probe's known values. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "statwall.sampling.interval=100ms", "statwall.node-name=test-node" })
@Import(FakeProbeConfiguration.class)
class LiveRowsStompTests {

	/** Seconds anything may take on a machine busy with other work; samples come every 100 ms. */
	private static final long DEADLINE = 20;

	private static final String CARD = "monitor.cpu_stats";

	private static final String TOPIC = "/topic/cards/test-node/" + CARD;

	@LocalServerPort
	private int port;

	@Autowired
	private FakeProbe probe;

	private final List<StompSession> sessions = new ArrayList<>();

	@AfterEach
	void disconnect() {
		this.sessions.stream().filter(StompSession::isConnected).forEach(StompSession::disconnect);
	}

	@Test
	void whenSubscribedThenEachMessageCarriesOnlyTheNewRowAndItsValue() throws Exception {
		StompSession session = connect();
		BlockingQueue<LiveRows> messages = subscribe(session, TOPIC, new StompHeaders());
		List<LiveRow> received = new ArrayList<>();
		while (received.size() < 6) {
			LiveRows message = next(messages);
			assertThat(message.card()).isEqualTo(CARD);
			// one row a message; a sample a busy machine took late comes with the gap before it; never the buffer
			assertThat(message.rows()).as("only new rows, never the buffer").hasSizeBetween(1, 2);
			for (LiveRow row : message.rows()) {
				// the fake probe's n-th read is n % 100; a gap is n/a
				Double value = row.values().get(0);
				assertThat(row.text()).isEqualTo((value != null) ? "%.1f%%".formatted(value) : "n/a");
				received.add(row);
			}
			assertThat(message.value()).isEqualTo(message.rows().get(message.rows().size() - 1).text());
		}
		assertGapless(received);
	}

	@Test
	void whenARowIsPushedLiveThenHistoryReadsBackTheSameTimeAndTheSameValue() throws Exception {
		StompSession session = connect();
		BlockingQueue<LiveRows> messages = subscribe(session, TOPIC, new StompHeaders());
		List<LiveRow> pushed = new ArrayList<>();
		while (pushed.size() < 5) {
			pushed.addAll(next(messages).rows());
		}
		long from = pushed.get(0).time();
		long to = pushed.get(pushed.size() - 1).time();
		String body = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + this.port
					+ "/api/v1/nodes/test-node/history?metric=cpu.usage&points=10000&from=" + from + "&to=" + to)).build(),
					java.net.http.HttpResponse.BodyHandlers.ofString())
			.body();
		tools.jackson.databind.JsonNode history = tools.jackson.databind.json.JsonMapper.builder().build().readTree(body);
		java.util.Map<Long, Double> read = new java.util.HashMap<>();
		for (int i = 0; i < history.path("time").size(); i++) {
			tools.jackson.databind.JsonNode avg = history.path("avg").get(i);
			read.put(history.path("time").get(i).asLong(), avg.isNull() ? null : avg.asDouble());
		}
		for (LiveRow row : pushed) {
			assertThat(read).as(body).containsEntry(row.time(), row.values().get(0));
		}
	}

	@Test
	void whenTheConnectionDropsThenCatchingUpFromTheLastSequenceLeavesNoGapAndNoDuplicate() throws Exception {
		StompSession first = connect();
		BlockingQueue<LiveRows> live = subscribe(first, TOPIC, new StompHeaders());
		List<LiveRow> held = new ArrayList<>();
		long epoch = 0;
		for (int i = 0; i < 3; i++) {
			LiveRows message = next(live);
			epoch = message.epoch();
			held.addAll(message.rows());
		}
		first.disconnect();
		long lastSeq = held.get(held.size() - 1).seq();
		long reads = this.probe.reads();
		// several samples go by while the client is away, however long they take here
		await().atMost(Duration.ofSeconds(30)).until(() -> this.probe.reads() >= reads + 4);

		StompSession second = connect();
		BlockingQueue<LiveRows> resumed = subscribe(second, TOPIC, new StompHeaders());
		StompHeaders catchUp = new StompHeaders();
		catchUp.set("epoch", Long.toString(epoch));
		catchUp.set("after", Long.toString(lastSeq));
		LiveRows missed = next(subscribe(second, "/app/cards/test-node/" + CARD, catchUp));
		assertThat(missed.epoch()).isEqualTo(epoch);
		assertThat(missed.rows()).as("rows sampled while away").hasSizeGreaterThanOrEqualTo(3);
		assertThat(missed.rows().get(0).seq()).as("starts right after the last row held").isEqualTo(lastSeq + 1);
		held.addAll(missed.rows());
		long caughtUpTo = held.get(held.size() - 1).seq();
		int added = 0;
		while (added < 3) {
			for (LiveRow row : next(resumed).rows()) {
				if (row.seq() > caughtUpTo) { // a row may come both ways while the two subscriptions overlap
					held.add(row);
					caughtUpTo = row.seq();
					added++;
				}
			}
		}
		assertGapless(held);
	}

	@Test
	void whenTheClientsEpochIsFromBeforeARestartThenItGetsTheWholeBuffer() throws Exception {
		StompSession session = connect();
		long latest = next(subscribe(session, TOPIC, new StompHeaders())).rows().get(0).seq();
		StompHeaders stale = new StompHeaders();
		stale.set("epoch", "12345");
		stale.set("after", "1000000");
		LiveRows all = next(subscribe(session, "/app/cards/test-node/" + CARD, stale));
		assertThat(all.epoch()).isNotEqualTo(12345);
		long last = all.rows().get(all.rows().size() - 1).seq();
		assertThat(last).isGreaterThanOrEqualTo(latest);
		assertThat(all.rows().get(0).seq()).as("the whole buffer, whatever 'after' said")
			.isEqualTo(Math.max(1, last - 14));
		assertGapless(all.rows());
	}

	@Test
	void whenTheCatchUpHeaderIsNotANumberThenTheClientIsToldWhy() throws Exception {
		StompSession session = connect();
		StompHeaders bad = new StompHeaders();
		bad.set("after", "yesterday");
		BlockingQueue<CardRowsController.LiveError> replies = new LinkedBlockingQueue<>();
		bad.setDestination("/app/cards/test-node/" + CARD);
		session.subscribe(bad, new StompFrameHandler() {
			@Override
			public Type getPayloadType(StompHeaders headers) {
				return CardRowsController.LiveError.class;
			}

			@Override
			public void handleFrame(StompHeaders headers, @Nullable Object payload) {
				replies.add((CardRowsController.LiveError) payload);
			}
		});
		CardRowsController.LiveError reply = replies.poll(DEADLINE, TimeUnit.SECONDS);
		assertThat(reply).isNotNull();
		assertThat(reply.error()).contains("'after'").contains("whole number").contains("yesterday");
		assertThat(session.isConnected()).isTrue();
	}

	@Test
	void whenATableChangesThenOnlyTheChangedRowsAndTheGoneKeysArePushed() throws Exception {
		StompSession session = connect();
		BlockingQueue<LiveTable> changes = subscribeTables(session, "/topic/tables/test-node/home.processes");
		LiveTable snapshot = nextTable(subscribeTables(session, "/app/tables/test-node/home.processes"));
		assertThat(snapshot.reset()).isTrue();
		assertThat(snapshot.put()).extracting(LiveTable.LiveTableRow::key).contains("1", "42");

		this.probe.table("processes.top", new Table(List.of("pid", "name", "user", "cpu", "memory", "command"),
				Map.of("1", List.of(1, "init", "root", 0.5, 8.0 * (1 << 20), "/sbin/init"), "7",
						List.of(7, "sshd", "root", 3.0, 4.0 * (1 << 20), "sshd: <b>admin</b>"))));
		LiveTable change = nextTable(changes);
		while (change.put().isEmpty() && change.deleted().isEmpty()) {
			change = nextTable(changes);
		}
		assertThat(change.reset()).isFalse();
		assertThat(change.put()).extracting(LiveTable.LiveTableRow::key).containsExactly("7");
		assertThat(change.put().get(0).cells()).containsExactly("7", "sshd", "root", "3.0%", "4.00 MiB",
				"sshd: <b>admin</b>");
		assertThat(change.deleted()).containsExactly("42");
		assertThat(change.seq()).isGreaterThan(snapshot.seq());
	}

	private static BlockingQueue<LiveTable> subscribeTables(StompSession session, String destination) {
		BlockingQueue<LiveTable> queue = new LinkedBlockingQueue<>();
		session.subscribe(destination, new StompFrameHandler() {
			@Override
			public Type getPayloadType(StompHeaders frame) {
				return LiveTable.class;
			}

			@Override
			public void handleFrame(StompHeaders frame, @Nullable Object payload) {
				queue.add((LiveTable) payload);
			}
		});
		return queue;
	}

	private static LiveTable nextTable(BlockingQueue<LiveTable> queue) throws InterruptedException {
		LiveTable message = queue.poll(DEADLINE, TimeUnit.SECONDS);
		assertThat(message).as("a table message within %s s", DEADLINE).isNotNull();
		return message;
	}

	private static void assertGapless(List<LiveRow> rows) {
		for (int i = 1; i < rows.size(); i++) {
			assertThat(rows.get(i).seq()).as("row %d", i).isEqualTo(rows.get(i - 1).seq() + 1);
		}
	}

	private StompSession connect() throws Exception {
		WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
		client.setMessageConverter(new JacksonJsonMessageConverter());
		StompSession session = client
			.connectAsync("ws://localhost:" + this.port + "/ws", new StompSessionHandlerAdapter() {
			})
			.get(DEADLINE, TimeUnit.SECONDS);
		this.sessions.add(session);
		return session;
	}

	private static BlockingQueue<LiveRows> subscribe(StompSession session, String destination, StompHeaders headers) {
		BlockingQueue<LiveRows> queue = new LinkedBlockingQueue<>();
		headers.setDestination(destination);
		session.subscribe(headers, new StompFrameHandler() {
			@Override
			public Type getPayloadType(StompHeaders frame) {
				return LiveRows.class;
			}

			@Override
			public void handleFrame(StompHeaders frame, @Nullable Object payload) {
				queue.add((LiveRows) payload);
			}
		});
		return queue;
	}

	private static LiveRows next(BlockingQueue<LiveRows> queue) throws InterruptedException {
		LiveRows message = queue.poll(DEADLINE, TimeUnit.SECONDS);
		assertThat(message).as("a message within %s s", DEADLINE).isNotNull();
		return message;
	}

}
