package dev.statwall.hub.web;

import java.io.ByteArrayOutputStream;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import dev.statwall.hub.NodeRegistry;
import dev.statwall.hub.NodeState;
import dev.statwall.hub.Overview;
import dev.statwall.hub.Overview.Page;
import dev.statwall.hub.Overview.Query;
import dev.statwall.hub.Overview.Summary;
import dev.statwall.hub.web.OverviewViewers.Viewer;
import dev.statwall.live.LiveSubscriptions;

import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.broker.BrokerAvailabilityEvent;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

/**
 * Once a second, and only while someone watches: to each overview viewer ({@link OverviewViewers})
 * the summary and the tiles of the page it shows, no other node; on {@code /topic/overview} the
 * summary alone. A message is written straight to bytes, once per distinct page asked for.
 */
final class OverviewPublisher {

	static final String TOPIC = "/topic/overview";

	private final NodeRegistry nodes;

	private final Overview overview;

	private final SimpMessageSendingOperations messaging;

	private final LiveSubscriptions subscriptions;

	private final OverviewViewers viewers;

	private final JsonMapper json;

	private final java.time.Clock clock;

	private volatile boolean brokerAvailable;

	private int lastSize = 4096;

	OverviewPublisher(NodeRegistry nodes, Overview overview, SimpMessageSendingOperations messaging,
			LiveSubscriptions subscriptions, OverviewViewers viewers, JsonMapper json, java.time.Clock clock) {
		this.nodes = nodes;
		this.overview = overview;
		this.messaging = messaging;
		this.subscriptions = subscriptions;
		this.viewers = viewers;
		this.json = json;
		this.clock = clock;
	}

	@EventListener
	void brokerAvailability(BrokerAvailabilityEvent event) {
		this.brokerAvailable = event.isBrokerAvailable();
	}

	/** Called by the scheduler every second. */
	void publish() {
		boolean summaryWatched = this.subscriptions.hasSubscribers(TOPIC);
		if (!this.brokerAvailable || (!summaryWatched && this.viewers.isEmpty())) {
			return;
		}
		Collection<NodeState> states = this.nodes.states();
		long time = this.clock.millis();
		Summary summary = this.overview.summary(states);
		if (summaryWatched) {
			this.messaging.send(TOPIC, MessageBuilder.createMessage(message(time, summary, null), headers(null).getMessageHeaders()));
		}
		Map<Query, byte[]> pages = new HashMap<>();
		for (Viewer viewer : this.viewers.viewers()) {
			Query query = viewer.query();
			byte[] body = (query != null)
					? pages.computeIfAbsent(query, (key) -> message(time, summary, this.overview.page(key, states)))
					: error(viewer.error());
			SimpMessageHeaderAccessor headers = headers(viewer.session());
			// the page this was made for: one sent just before the browser asked for another is ignored
			headers.setNativeHeader("view", viewer.subscription());
			this.messaging.send("/user/" + viewer.session() + "/queue/overview",
					MessageBuilder.createMessage(body, headers.getMessageHeaders()));
		}
	}

	private static SimpMessageHeaderAccessor headers(@Nullable String session) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
		headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
		if (session != null) {
			headers.setSessionId(session); // a user destination named by its session: no login needed
		}
		headers.setLeaveMutable(true);
		return headers;
	}

	private byte[] error(@Nullable String error) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
		try (JsonGenerator out = this.json.createGenerator(bytes)) {
			out.writeStartObject();
			out.writeStringProperty("error", String.valueOf(error));
			out.writeEndObject();
		}
		return bytes.toByteArray();
	}

	/**
	 * {@code {"time":…,"summary":{…},"page":{"page":1,"pages":4,"matching":1000},
	 * "nodes":{"pi-07":["online",lastSeen,alert,"14.0%","↓1.20 Mbit/s ↑300 kbit/s",14,"CPU 14.0%",…],…}}}:
	 * each tile's status, when it was last seen, its worst alert, the texts the page shows and each
	 * bar's width and tooltip (CPU, memory, fullest disk, network in, network out), all formatted
	 * here; nodes in the page's order; without {@code page} and {@code nodes} when {@code page} is null.
	 */
	private byte[] message(long time, Summary summary, @Nullable Page page) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream((page != null) ? this.lastSize + 1024 : 512);
		try (JsonGenerator out = this.json.createGenerator(bytes)) {
			out.writeStartObject();
			out.writeNumberProperty("time", time);
			out.writeName("summary");
			out.writeStartObject();
			out.writeNumberProperty("online", summary.online());
			out.writeNumberProperty("stale", summary.stale());
			out.writeNumberProperty("offline", summary.offline());
			// texts as the page renders them: the browser formats nothing
			out.writeStringProperty("cpuAvg", summary.cpuAvgText());
			out.writeStringProperty("cpuMax", summary.cpuMaxText());
			out.writeStringProperty("memoryUsed", summary.memoryUsedText());
			out.writeStringProperty("netRx", "↓ " + summary.netRxText());
			out.writeStringProperty("netTx", "↑ " + summary.netTxText());
			out.writeEndObject();
			if (page != null) {
				out.writeName("page");
				out.writeStartObject();
				out.writeNumberProperty("page", page.page());
				out.writeNumberProperty("pages", page.pages());
				out.writeNumberProperty("matching", page.matching());
				out.writeEndObject();
				out.writeName("nodes");
				out.writeStartObject();
				for (Overview.Tile tile : page.tiles()) {
					NodeState state = tile.state();
					out.writeName(state.name());
					out.writeStartArray();
					out.writeString(tile.status().key());
					out.writeNumber(state.lastSeen());
					String alert = tile.alert();
					if (alert != null) {
						out.writeString(alert);
					}
					else {
						out.writeNull();
					}
					out.writeString(tile.cpuText());
					out.writeString(tile.seen().isEmpty() ? tile.netText() : tile.seen());
					for (Overview.Bar bar : tile.bars()) {
						out.writeNumber(bar.width());
						out.writeString(bar.label() + " " + bar.text());
					}
					out.writeEndArray();
				}
				out.writeEndObject();
			}
			out.writeEndObject();
		}
		if (page != null) {
			this.lastSize = bytes.size();
		}
		return bytes.toByteArray();
	}

}
