package dev.statwall.hub.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.statwall.hub.HubFixture;
import dev.statwall.hub.NodeAlerts;
import dev.statwall.hub.Overview;
import dev.statwall.live.LiveSubscriptions;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.broker.BrokerAvailabilityEvent;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.socket.messaging.SessionSubscribeEvent;
import org.springframework.web.socket.messaging.SessionUnsubscribeEvent;

import static org.assertj.core.api.Assertions.assertThat;

/** The overview's messages as they leave for the broker: each viewer gets the tiles of its own page. */
class OverviewPublisherTests {

	private final HubFixture hub = new HubFixture();

	private final List<Message<?>> sent = new ArrayList<>();

	private final OverviewViewers viewers = new OverviewViewers();

	private final JsonMapper json = JsonMapper.builder().build();

	private OverviewPublisher publisher;

	@BeforeEach
	void hubWithTwelveNodes() {
		MessageChannel broker = (message, timeout) -> this.sent.add(message);
		this.publisher = new OverviewPublisher(this.hub.nodes, new Overview(this.hub.nodes, NodeAlerts.NONE),
				new SimpMessagingTemplate(broker), new LiveSubscriptions(), this.viewers, this.json, this.hub.clock);
		this.publisher.brokerAvailability(new BrokerAvailabilityEvent(true, this));
		for (int i = 1; i <= 12; i++) {
			this.hub.nodes.ingest(this.hub.batch("pi-%02d".formatted(i), "run-1", 1, 1));
		}
		this.hub.nodes.ingest(this.hub.batch("web-1", "run-1", 1, 1));
	}

	/** The browser formats nothing: every number on a tile and in the summary arrives as the page shows it. */
	@Test
	void whenATileIsSentThenItsTextsAreFormattedAsThePageFormatsThem() {
		subscribe("s1", "sub-0", "q=web-1");

		this.publisher.publish();

		JsonNode message = body(sentTo("s1"));
		JsonNode tile = message.path("nodes").path("web-1");
		// cpu.usage 1 and memory.usage 50 from the fixture's one sample; no disk, no network
		assertThat(tile.get(0).asString()).isEqualTo("online");
		assertThat(tile.get(2).isNull()).as("no alert").isTrue();
		assertThat(tile.get(3).asString()).isEqualTo("1.0%");
		assertThat(tile.get(4).asString()).as("the foot: no network, nothing to say").isEmpty();
		List<String> bars = new ArrayList<>();
		for (int i = 5; i < tile.size(); i += 2) {
			bars.add(tile.get(i).asInt() + " " + tile.get(i + 1).asString());
		}
		assertThat(bars).containsExactly("1 CPU 1.0%", "50 memory 50.0%", "0 fullest disk n/a", "0 network in n/a",
				"0 network out n/a");
		JsonNode summary = message.path("summary");
		assertThat(summary.path("cpuMax").asString()).matches("\\d+\\.\\d%");
		assertThat(summary.path("memoryUsed").asString()).isEqualTo("0 B");
		assertThat(summary.path("netRx").asString()).isEqualTo("↓ 0 bit/s");
	}

	@Test
	void whenViewersLookAtDifferentPagesThenEachIsSentOnlyItsPagesTilesAndTheSummary() {
		subscribe("s1", "sub-0", "q=pi&status=all&sort=name&page=2&size=5");
		subscribe("s2", "sub-3", "q=web&sort=name");

		this.publisher.publish();

		assertThat(this.sent).hasSize(2);
		JsonNode first = body(sentTo("s1"));
		assertThat(names(first)).containsExactly("pi-06", "pi-07", "pi-08", "pi-09", "pi-10");
		assertThat(first.path("page").path("pages").asInt()).isEqualTo(3);
		assertThat(first.path("page").path("matching").asInt()).isEqualTo(12);
		assertThat(first.path("summary").path("online").asInt()).as("the whole cluster").isEqualTo(13);
		assertThat(first.path("nodes").path("pi-06").get(0).asString()).isEqualTo("online");
		assertThat(header(sentTo("s1"), "view")).isEqualTo("sub-0");
		assertThat(names(body(sentTo("s2")))).containsExactly("web-1");
		assertThat(header(sentTo("s2"), "view")).isEqualTo("sub-3");
	}

	@Test
	void whenTheQueryIsWrongThenTheViewerIsToldWhichParameterAndGetsNoTiles() {
		subscribe("s1", "sub-0", "size=100000");

		this.publisher.publish();

		assertThat(body(sentTo("s1")).path("error").asString()).contains("'size'");
		assertThat(body(sentTo("s1")).has("nodes")).isFalse();
	}

	@Test
	void whenNobodyWatchesAnyMoreThenNothingIsBuilt() {
		subscribe("s1", "sub-0", "");
		StompHeaderAccessor unsubscribe = StompHeaderAccessor.create(StompCommand.UNSUBSCRIBE);
		unsubscribe.setSessionId("s1");
		unsubscribe.setSubscriptionId("sub-0");
		this.viewers.unsubscribed(new SessionUnsubscribeEvent(this,
				MessageBuilder.createMessage(new byte[0], unsubscribe.getMessageHeaders())));

		this.publisher.publish();

		assertThat(this.sent).isEmpty();
	}

	private void subscribe(String session, String id, @Nullable String query) {
		StompHeaderAccessor stomp = StompHeaderAccessor.create(StompCommand.SUBSCRIBE);
		stomp.setSessionId(session);
		stomp.setSubscriptionId(id);
		stomp.setDestination(OverviewViewers.DESTINATION);
		if (query != null) {
			stomp.setNativeHeader(OverviewViewers.QUERY_HEADER, query);
		}
		this.viewers.subscribed(new SessionSubscribeEvent(this, MessageBuilder.createMessage(new byte[0],
				stomp.getMessageHeaders())));
	}

	private Message<?> sentTo(String session) {
		return this.sent.stream()
			.filter((message) -> ("/user/" + session + "/queue/overview")
				.equals(SimpMessageHeaderAccessor.getDestination(message.getHeaders()))
					&& session.equals(SimpMessageHeaderAccessor.getSessionId(message.getHeaders())))
			.findFirst()
			.orElseThrow();
	}

	private static @Nullable String header(Message<?> message, String name) {
		return SimpMessageHeaderAccessor.wrap(message).getFirstNativeHeader(name);
	}

	private JsonNode body(Message<?> message) {
		return this.json.readTree(new String((byte[]) message.getPayload(), StandardCharsets.UTF_8));
	}

	private static List<String> names(JsonNode message) {
		return new ArrayList<>(message.path("nodes").propertyNames());
	}

}
