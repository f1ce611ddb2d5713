package dev.statwall.live;

import dev.statwall.card.CardRowsAppended;
import dev.statwall.card.TableRows;

import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.messaging.simp.broker.BrokerAvailabilityEvent;
import org.springframework.stereotype.Component;

/** Pushes each card's new rows to the clients subscribed to that card, never the whole buffer. */
@Component
class RowPublisher {

	private final SimpMessageSendingOperations messaging;

	private final LiveSubscriptions subscriptions;

	private volatile boolean brokerAvailable;

	RowPublisher(SimpMessageSendingOperations messaging, LiveSubscriptions subscriptions) {
		this.messaging = messaging;
		this.subscriptions = subscriptions;
	}

	static String topic(String node, String card) {
		return "/topic/cards/" + node + "/" + card;
	}

	static String tableTopic(String node, String card) {
		return "/topic/tables/" + node + "/" + card;
	}

	@EventListener
	void brokerAvailability(BrokerAvailabilityEvent event) {
		this.brokerAvailable = event.isBrokerAvailable();
	}

	@EventListener
	void publish(CardRowsAppended appended) {
		if (!this.brokerAvailable) {
			return; // clients catch up from the buffer when they reconnect
		}
		for (CardRowsAppended.AppendedRow row : appended.appended()) {
			String topic = topic(appended.node(), row.card().id());
			if (this.subscriptions.hasSubscribers(topic)) {
				this.messaging.convertAndSend(topic, LiveRows.of(row.rows(appended.node())));
			}
		}
		for (TableRows table : appended.tables()) {
			String topic = tableTopic(table.node(), table.card().id());
			if ((!table.rows().isEmpty() || !table.deleted().isEmpty()) && this.subscriptions.hasSubscribers(topic)) {
				this.messaging.convertAndSend(topic, LiveTable.of(table, false));
			}
		}
	}

}
