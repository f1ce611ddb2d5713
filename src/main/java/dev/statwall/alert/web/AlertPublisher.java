package dev.statwall.alert.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.statwall.alert.AlertBoard;
import dev.statwall.alert.AlertChange;
import dev.statwall.alert.AlertCounts;
import dev.statwall.live.LiveSubscriptions;

import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.messaging.simp.broker.BrokerAvailabilityEvent;

/**
 * After every change, one message on {@code /topic/alerts}, and only while someone watches: the
 * counts for the header's badge and which alerts changed. Pages then ask for their part again, so
 * every text reaches the browser rendered (and escaped) by the server, never as HTML from a message.
 * <pre>
 * {"time":1795552243492,"counts":{"critical":1,"warning":2,"pending":0},
 *  "changes":[{"id":"3f2a…","node":"pi-07","rule":"node_offline","state":"firing","severity":"critical"}]}
 * </pre>
 */
final class AlertPublisher {

	static final String TOPIC = "/topic/alerts";

	private final AlertBoard board;

	private final SimpMessageSendingOperations messaging;

	private final LiveSubscriptions subscriptions;

	private volatile boolean brokerAvailable;

	AlertPublisher(AlertBoard board, SimpMessageSendingOperations messaging, LiveSubscriptions subscriptions) {
		this.board = board;
		this.messaging = messaging;
		this.subscriptions = subscriptions;
	}

	@EventListener
	void brokerAvailability(BrokerAvailabilityEvent event) {
		this.brokerAvailable = event.isBrokerAvailable();
	}

	void publish(List<AlertChange> changes) {
		if (!this.brokerAvailable || !this.subscriptions.hasSubscribers(TOPIC)) {
			return;
		}
		AlertCounts counts = this.board.counts();
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("time", this.board.now());
		message.put("counts", Map.of("critical", counts.critical(), "warning", counts.warning(), "pending", counts.pending()));
		message.put("changes", changes.stream()
			.map((change) -> Map.of("id", change.id(), "node", change.node(), "rule", change.rule(), "state",
					change.state().key(), "severity", change.severity().key()))
			.toList());
		this.messaging.convertAndSend(TOPIC, (Object) message);
	}

}
