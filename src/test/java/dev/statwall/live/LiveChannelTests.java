package dev.statwall.live;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.statwall.card.CardDefinition;
import dev.statwall.card.Dashboard;
import dev.statwall.card.PageDefinition;
import dev.statwall.testing.Browser;
import dev.statwall.testing.FakeProbeConfiguration;
import dev.statwall.testing.RawStomp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageMappingInfo;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.simp.annotation.support.SimpAnnotationMethodMessageHandler;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live channel only serves: what a raw client may and may not do on {@code /ws}, and what a
 * browser shows while someone tries to inject rows. Same context as {@link LiveRowsStompTests}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "statwall.sampling.interval=100ms", "statwall.node-name=test-node" })
@Import(FakeProbeConfiguration.class)
class LiveChannelTests {

	private static final String INJECTED = "{\"node\":\"test-node\",\"card\":\"monitor.cpu_stats\",\"epoch\":1,"
			+ "\"rows\":[{\"seq\":999999,\"time\":1,\"values\":[999.0],\"text\":\"INJECTED\"}],\"value\":\"INJECTED\","
			+ "\"aux\":\"INJECTED\",\"caption\":\"\",\"progress\":null,\"put\":[{\"key\":\"666\",\"cells\":"
			+ "[\"666\",\"INJECTED\",\"root\",\"1%\",\"1 MiB\",\"INJECTED\"],\"values\":[666,\"INJECTED\",\"root\",1,1,\"INJECTED\"]}],"
			+ "\"seq\":999999,\"reset\":true,\"deleted\":[],\"time\":1,\"summary\":{},\"nodes\":{}}";

	private static HttpClient http;

	@LocalServerPort
	private int port;

	@Autowired
	private Dashboard dashboard;

	@Autowired
	private SimpAnnotationMethodMessageHandler annotated;

	@Autowired
	private SimpleBrokerMessageHandler broker;

	private final List<AutoCloseable> open = new ArrayList<>();

	private ChromeDriver browser;

	@BeforeAll
	static void client() {
		http = HttpClient.newHttpClient();
	}

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable closeable : this.open) {
			closeable.close();
		}
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	/**
	 * Every destination the server publishes to or answers on, and every one a message mapping
	 * handles, now or after the next feature: none of them takes a SEND.
	 */
	private Set<String> everyDestination() {
		Set<String> destinations = new LinkedHashSet<>();
		for (PageDefinition page : this.dashboard.pages()) {
			for (CardDefinition card : page.cards()) {
				destinations.add(RowPublisher.topic("test-node", card.id()));
				destinations.add(RowPublisher.tableTopic("test-node", card.id()));
				destinations.add("/app/cards/test-node/" + card.id());
				destinations.add("/app/tables/test-node/" + card.id());
			}
		}
		destinations.add("/topic/overview");
		for (SimpMessageMappingInfo mapping : this.annotated.getHandlerMethods().keySet()) {
			for (String pattern : mapping.getDestinationConditions().getPatterns()) {
				destinations.add("/app" + pattern.replaceAll("\\{[^}]+}", "x"));
			}
		}
		destinations.addAll(List.of("/topic/anything", "/queue/anything", "/user/queue/anything", "/app/anything", "/"));
		return destinations;
	}

	@Test
	void whenAClientSendsToAnyDestinationThenItGetsAnErrorAndIsClosedAndNoSubscriberSeesIt() throws Exception {
		List<String> seen = watch("/topic/cards/test-node/monitor.cpu_stats", "/topic/tables/test-node/home.processes",
				"/topic/overview");
		Set<String> destinations = everyDestination();
		assertThat(destinations).as("the mapped catch-up destinations are among them")
			.contains("/app/cards/x/x", "/app/tables/x/x");
		for (String destination : destinations) {
			try (RawStomp client = RawStomp.connect(this.port, http)) {
				client.send("SEND\ndestination:" + destination + "\ncontent-type:application/json\n\n" + INJECTED + "\0");
				assertRefused(client, "SEND is not accepted", destination);
			}
		}
		assertThat(seen).as("what subscribers received").noneMatch((message) -> message.contains("INJECTED"));
	}

	@Test
	void whenAClientSendsAnyOtherFrameThenItGetsAnErrorAndIsClosed() throws Exception {
		for (String frame : List.of("ACK\nid:1\n\n\0", "NACK\nid:1\n\n\0", "BEGIN\ntransaction:t\n\n\0",
				"COMMIT\ntransaction:t\n\n\0", "ABORT\ntransaction:t\n\n\0",
				"SEND\ndestination:/topic/overview\ntransaction:t\n\nx\0")) {
			try (RawStomp client = RawStomp.connect(this.port, http)) {
				client.send(frame);
				assertRefused(client, "not accepted", frame.substring(0, frame.indexOf('\n')));
			}
		}
	}

	@Test
	void whenAClientSubscribesToAnythingButTheDocumentedDestinationsThenItIsRefused() throws Exception {
		for (String destination : List.of("/topic/cards/**", "/topic/cards/test-node/*", "/topic/**", "/topic/secret",
				"/topic/cards/test-node/monitor.cpu_stats/more", "/topic/cards/test-node", "/queue/anything",
				"/user/queue/errors", "/app/anything", "/app/cards/test-node", "/topic/cards/a b/c", "/topic/overview/x",
				"/TOPIC/overview", "/topic/cards/test-node/" + "x".repeat(300), "")) {
			try (RawStomp client = RawStomp.connect(this.port, http)) {
				client.send("SUBSCRIBE\nid:sub-0\ndestination:" + destination + "\n\n\0");
				assertRefused(client, "no such destination", destination);
			}
		}
		try (RawStomp client = RawStomp.connect(this.port, http)) {
			client.send("SUBSCRIBE\nid:sub-0\ndestination:/topic/overview\nselector:headers['x'] == 'y'\n\n\0");
			assertRefused(client, "selectors are not accepted", "a selector");
		}
	}

	@Test
	void whenAClientSubscribesToADocumentedDestinationThenItStaysConnected() throws Exception {
		try (RawStomp client = RawStomp.connect(this.port, http)) {
			client.send("SUBSCRIBE\nid:sub-0\ndestination:/topic/cards/test-node/monitor.cpu_stats\n\n\0");
			assertThat(client.next()).startsWith("MESSAGE").contains("monitor.cpu_stats");
			client.send("UNSUBSCRIBE\nid:sub-0\n\n\0");
			client.send("SUBSCRIBE\nid:sub-1\ndestination:/app/tables/test-node/home.processes\n\n\0");
			assertThat(client.next()).startsWith("MESSAGE").contains("\"reset\":true");
		}
	}

	@Test
	void whenAClientHoldsMoreSubscriptionsThanTheCapThenItIsRefusedAndUnsubscribingMakesRoom() throws Exception {
		int cap = 1024; // statwall.live.max-subscriptions, the default
		Message<byte[]> row = MessageBuilder.withPayload(new byte[0])
			.setHeader(SimpMessageHeaderAccessor.MESSAGE_TYPE_HEADER, SimpMessageType.MESSAGE)
			.setHeader(SimpMessageHeaderAccessor.DESTINATION_HEADER, "/topic/cards/n0/home.cpu")
			.build();
		try (RawStomp client = RawStomp.connect(this.port, http)) {
			subscribe(client, 0, cap);
			long subscribed = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (this.broker.getSubscriptionRegistry().findSubscriptions(row).isEmpty()) {
				assertThat(System.nanoTime()).as("the broker holds the subscriptions").isLessThan(subscribed);
				Thread.sleep(20);
			}
			client.send("UNSUBSCRIBE\nid:sub-0\n\n\0");
			subscribe(client, cap, cap + 1); // room again
			client.send("SUBSCRIBE\nid:sub-0\ndestination:/topic/overview\n\n\0"); // one too many
			assertRefused(client, "too many subscriptions\\c at most 1024", "subscription 1025");
		}
		// the refused connection's subscriptions went with it
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!this.broker.getSubscriptionRegistry().findSubscriptions(row).isEmpty()) {
			assertThat(System.nanoTime()).as("subscriptions cleared within 10 s").isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	/** Subscriptions {@code from} to {@code to - 1}, batched a few frames to a WebSocket message. */
	private static void subscribe(RawStomp client, int from, int to) {
		StringBuilder batch = new StringBuilder();
		for (int i = from; i < to; i++) {
			batch.append("SUBSCRIBE\nid:sub-").append(i).append("\ndestination:/topic/cards/n").append(i % 50)
				.append("/home.cpu\n\n\0");
			if (batch.length() > 4000 || i == to - 1) {
				client.send(batch.toString());
				batch.setLength(0);
			}
		}
	}

	@Test
	void whenAFrameIsLargerThanTheLimitThenTheConnectionIsClosed() throws Exception {
		try (RawStomp client = RawStomp.connect(this.port, http)) {
			client.send("SUBSCRIBE\nid:sub-0\ndestination:/topic/overview\npadding:" + "x".repeat(9000) + "\n\n\0");
			assertThat(client.awaitClosed()).as("closed as a protocol error or as too big").isIn(1002, 1009);
		}
		try (RawStomp client = RawStomp.connect(this.port, http)) {
			client.send("SUBSCRIBE\nid:sub-0\ndestination:/topic/overview\npadding:" + "x".repeat(7000) + "\n\n\0");
			assertThat(client.poll(Duration.ofMillis(300))).as("a frame under the limit is fine").isNull();
			assertThat(client.awaitClosedWithin(Duration.ofMillis(10))).isFalse();
		}
	}

	@Test
	void whenTheHandshakeComesFromAnotherOriginThenItIsRefusedWith403WhateverTheHeaderHolds() throws Exception {
		String own = "http://localhost:" + this.port;
		assertThat(RawStomp.handshake(this.port, RawStomp.header("Origin", own))).as("the page's own").isEqualTo(101);
		assertThat(RawStomp.handshake(this.port)).as("no Origin: not a browser").isEqualTo(101);
		List<byte[]> foreign = new ArrayList<>();
		for (String origin : List.of("http://evil.example", "null", "", " ", "http://localhost", "https://localhost:" + this.port,
				"ws://localhost:" + this.port, own + "/", own + "/ws", own + "@evil.example", "http://evil.example#" + own,
				"http://localhost:" + this.port + "0", "http://localhost:99999999999", "http://[::1", "http://[", "javascript:alert(1)",
				"http://" + "a".repeat(4000) + ":" + this.port, "%00", "*", own + ", " + own)) {
			foreign.add(RawStomp.header("Origin", origin));
		}
		foreign.add(("Origin: http://l\u043Ecalhost:" + this.port).getBytes(StandardCharsets.UTF_8)); // a Cyrillic o
		foreign.add(("Origin: http://localhost:" + this.port + "\u00FF").getBytes(StandardCharsets.ISO_8859_1));
		foreign.add(new byte[] { 'O', 'r', 'i', 'g', 'i', 'n', ':', ' ', (byte) 0xC3, (byte) 0x28, (byte) 0xA0, (byte) 0xFF });
		for (byte[] header : foreign) {
			assertThat(RawStomp.handshake(this.port, header)).as(new String(header, StandardCharsets.ISO_8859_1))
				.isEqualTo(403);
		}
		assertThat(RawStomp.handshake(this.port, RawStomp.header("Origin", own), RawStomp.header("Origin", own)))
			.as("two Origin headers").isEqualTo(403);
		assertThat(RawStomp.handshake(this.port, RawStomp.header("Origin", "http://" + "a".repeat(20_000))))
			.as("beyond the server's header size: refused before any code of ours runs, never a 5xx")
			.isBetween(400, 499);
	}

	@Test
	void whenSomeoneTriesToInjectRowsThenTheBrowserNeverShowsThem() throws Exception {
		this.browser = Browser.start(1600, 1000, false);
		this.browser.get("http://localhost:" + this.port + "/monitor");
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
		wait.until((driver) -> "live".equals(driver.findElement(By.id("live-status")).getAttribute("data-state")));
		long before = seq();
		for (String destination : everyDestination()) {
			try (RawStomp client = RawStomp.connect(this.port, http)) {
				client.send("SEND\ndestination:" + destination + "\ncontent-type:application/json\n\n" + INJECTED + "\0");
				client.awaitClosed();
			}
		}
		wait.until((driver) -> seq() >= before + 5); // rows went on arriving meanwhile
		String text = this.browser.findElement(By.tagName("body")).getText();
		assertThat(text).doesNotContain("INJECTED").doesNotContain("999");
		assertThat(this.browser.executeScript("return document.body.innerHTML.includes('INJECTED')")).isEqualTo(false);
		assertThat(this.browser.findElement(By.id("live-status")).getAttribute("data-state")).isEqualTo("live");
	}

	private long seq() {
		String seq = this.browser.findElement(By.cssSelector("[data-card='monitor.cpu_stats']")).getAttribute("data-seq");
		return (seq == null || seq.isEmpty()) ? 0 : Long.parseLong(seq);
	}

	private static void assertRefused(RawStomp client, String reason, String what) throws InterruptedException {
		String frame = client.next();
		assertThat(frame).as("answer to %s", what).startsWith("ERROR").contains(reason);
		assertThat(client.awaitClosed()).as("connection closed after refusing %s", what).isEqualTo(1002);
	}

	/** Every message that reaches a real client subscribed to these topics. */
	private List<String> watch(String... topics) throws Exception {
		WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
		StompSession session = client.connectAsync("ws://localhost:" + this.port + "/ws", new StompSessionHandlerAdapter() {
		}).get(5, TimeUnit.SECONDS);
		this.open.add(session::disconnect);
		List<String> seen = new CopyOnWriteArrayList<>();
		for (String topic : topics) {
			session.subscribe(topic, new StompFrameHandler() {
				@Override
				public java.lang.reflect.Type getPayloadType(StompHeaders headers) {
					return byte[].class;
				}

				@Override
				public void handleFrame(StompHeaders headers, @Nullable Object payload) {
					seen.add(new String((byte[]) payload, StandardCharsets.UTF_8));
				}
			});
		}
		return seen;
	}

}
