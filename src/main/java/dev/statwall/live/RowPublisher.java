package dev.statwall.live;

import dev.statwall.buffer.MapBuffer.MapChange;
import dev.statwall.card.CardDefinition;
import dev.statwall.card.CardSeries;
import dev.statwall.card.NodeDashboards;
import dev.statwall.card.NodeDashboards.NodeCards;
import dev.statwall.card.PageDefinition;
import dev.statwall.series.SampleStored;

import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.messaging.simp.broker.BrokerAvailabilityEvent;
import org.springframework.stereotype.Component;

/**
 * Pushes each stored sample to the cards someone watches: the new row of each card, never the
 * whole buffer, and what changed in each table. Cards nobody watches cost nothing: not even their
 * texts are formatted.
 */
@Component
class RowPublisher {

	private final SimpMessageSendingOperations messaging;

	private final LiveSubscriptions subscriptions;

	private final NodeDashboards dashboards;

	private final CardSeries cards;

	private volatile boolean brokerAvailable;

	RowPublisher(SimpMessageSendingOperations messaging, LiveSubscriptions subscriptions, NodeDashboards dashboards,
			CardSeries cards) {
		this.messaging = messaging;
		this.subscriptions = subscriptions;
		this.dashboards = dashboards;
		this.cards = cards;
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
	void publish(SampleStored stored) {
		String node = stored.node().name();
		if (!this.brokerAvailable || !this.subscriptions.watchesNode(node)) {
			return; // clients catch up from history when they (re)subscribe
		}
		NodeCards nodeCards = this.dashboards.cards(stored.node());
		for (PageDefinition page : nodeCards.dashboard().pages()) {
			for (CardDefinition card : page.cards()) {
				if (card.type().hasRows()) {
					String topic = topic(node, card.id());
					if (this.subscriptions.hasSubscribers(topic)) {
						this.messaging.convertAndSend(topic, LiveRows.of(this.cards.appended(stored.node(), card, stored.rows())));
					}
				}
				else if (card.type().isTable() && card.table() != null) {
					MapChange change = stored.tables().get(card.table());
					String topic = tableTopic(node, card.id());
					if (change != null && this.subscriptions.hasSubscribers(topic)) {
						this.messaging.convertAndSend(topic, LiveTable.of(this.cards.changed(node, card, change), false));
					}
				}
			}
		}
	}

}
