package dev.statwall.simulator;

import java.lang.reflect.Type;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.statwall.simulator.Simulator.SentTimes;

import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * Subscribes to a few simulated nodes' card topics, as a browser would, and measures how long a
 * sample takes from leaving the simulator to its row arriving here.
 */
final class LatencyWatch implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(LatencyWatch.class);

	private final SentTimes sent;

	private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());

	private final WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());

	private @Nullable StompSession session;

	LatencyWatch(SentTimes sent) {
		this.sent = sent;
		this.client.setMessageConverter(new JacksonJsonMessageConverter());
	}

	void connect(URI hub, String card) throws Exception {
		String ws = hub.toString().replaceFirst("^http", "ws").replaceAll("/+$", "") + "/ws";
		StompSession session = this.client.connectAsync(ws, new StompSessionHandlerAdapter() {
		}).get(10, TimeUnit.SECONDS);
		for (String node : this.sent.nodes()) {
			session.subscribe("/topic/cards/" + node + "/" + card, new StompFrameHandler() {

				@Override
				public Type getPayloadType(StompHeaders headers) {
					return JsonNode.class;
				}

				@Override
				public void handleFrame(StompHeaders headers, @Nullable Object payload) {
					arrived(node, (JsonNode) payload);
				}

			});
		}
		this.session = session;
		logger.info("Watching " + this.sent.nodes().size() + " nodes' " + card + " rows at " + ws);
	}

	private void arrived(String node, @Nullable JsonNode payload) {
		if (payload == null) {
			return;
		}
		for (JsonNode row : payload.path("rows")) {
			long nanos = this.sent.arrived(node, row.path("time").asLong());
			if (nanos >= 0) {
				this.latencies.add(nanos);
			}
		}
	}

	/** p50 and p99 of what arrived since the last summary: one window, not a warm-up averaged in. */
	String summary() {
		List<Long> sorted;
		synchronized (this.latencies) {
			sorted = new ArrayList<>(this.latencies);
			this.latencies.clear();
		}
		if (sorted.isEmpty()) {
			return "no rows arrived yet";
		}
		Collections.sort(sorted);
		return String.format(Locale.ROOT, "sample to STOMP row (last window): p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d rows)",
				percentile(sorted, 50) / 1e6, percentile(sorted, 99) / 1e6, sorted.get(sorted.size() - 1) / 1e6,
				sorted.size());
	}

	private static long percentile(List<Long> sorted, int percent) {
		int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}

	@Override
	public void close() {
		StompSession session = this.session;
		if (session != null && session.isConnected()) {
			session.disconnect();
		}
		this.client.stop();
	}

}
