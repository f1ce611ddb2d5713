package dev.statwall.hub.web;

import java.io.ByteArrayOutputStream;
import java.util.Collection;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import dev.statwall.hub.NodeState;
import dev.statwall.hub.NodeRegistry;
import dev.statwall.hub.Overview.Summary;
import dev.statwall.hub.Overview;
import dev.statwall.hub.Vitals;
import dev.statwall.live.LiveSubscriptions;

import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.broker.BrokerAvailabilityEvent;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

/**
 * Once a second, one message on {@code /topic/overview} with every node's status and vitals, and
 * only while someone watches. It is written straight to bytes, with no object per node, and sent
 * once for all subscribers.
 */
final class OverviewPublisher {

	static final String TOPIC = "/topic/overview";

	private final NodeRegistry nodes;

	private final Overview overview;

	private final SimpMessageSendingOperations messaging;

	private final LiveSubscriptions subscriptions;

	private final JsonMapper json;

	private final java.time.Clock clock;

	private volatile boolean brokerAvailable;

	private int lastSize = 4096;

	OverviewPublisher(NodeRegistry nodes, Overview overview, SimpMessageSendingOperations messaging,
			LiveSubscriptions subscriptions, JsonMapper json, java.time.Clock clock) {
		this.nodes = nodes;
		this.overview = overview;
		this.messaging = messaging;
		this.subscriptions = subscriptions;
		this.json = json;
		this.clock = clock;
	}

	@EventListener
	void brokerAvailability(BrokerAvailabilityEvent event) {
		this.brokerAvailable = event.isBrokerAvailable();
	}

	/** Called by the scheduler every second. */
	void publish() {
		if (!this.brokerAvailable || !this.subscriptions.hasSubscribers(TOPIC)) {
			return;
		}
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
		headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
		headers.setLeaveMutable(true);
		this.messaging.send(TOPIC, MessageBuilder.createMessage(message(), headers.getMessageHeaders()));
	}

	/**
	 * {@code {"time":…,"summary":{…},"nodes":{"pi-07":["online",lastSeen,cpu,memory,memoryUsed,rx,tx,disk,alert],…}}}
	 */
	byte[] message() {
		Collection<NodeState> states = this.nodes.states();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(this.lastSize + 1024);
		try (JsonGenerator out = this.json.createGenerator(bytes)) {
			out.writeStartObject();
			out.writeNumberProperty("time", this.clock.millis());
			Summary summary = this.overview.summary(states);
			out.writeName("summary");
			out.writeStartObject();
			out.writeNumberProperty("online", summary.online());
			out.writeNumberProperty("stale", summary.stale());
			out.writeNumberProperty("offline", summary.offline());
			number(out, "cpuAvg", summary.cpuAvg());
			number(out, "cpuMax", summary.cpuMax());
			number(out, "memoryUsed", summary.memoryUsed());
			number(out, "netRx", summary.netRx());
			number(out, "netTx", summary.netTx());
			out.writeEndObject();
			out.writeName("nodes");
			out.writeStartObject();
			for (NodeState state : states) {
				Vitals vitals = state.vitals();
				out.writeName(state.name());
				out.writeStartArray();
				out.writeString(this.nodes.status(state).key());
				out.writeNumber(state.lastSeen());
				value(out, vitals.cpu());
				value(out, vitals.memory());
				value(out, vitals.memoryUsed());
				value(out, vitals.netRx());
				value(out, vitals.netTx());
				value(out, vitals.disk());
				String alert = this.overview.alert(state.name());
				if (alert != null) {
					out.writeString(alert);
				}
				else {
					out.writeNull();
				}
				out.writeEndArray();
			}
			out.writeEndObject();
			out.writeEndObject();
		}
		this.lastSize = bytes.size();
		return bytes.toByteArray();
	}

	private static void number(JsonGenerator out, String name, double value) {
		out.writeName(name);
		value(out, value);
	}

	/** Rounded: the tiles show one decimal at most, and shorter numbers make a shorter message. */
	private static void value(JsonGenerator out, double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			out.writeNull();
		}
		else if (Math.abs(value) >= 1000) {
			out.writeNumber(Math.round(value));
		}
		else {
			out.writeNumber(Math.round(value * 10) / 10.0);
		}
	}

}
