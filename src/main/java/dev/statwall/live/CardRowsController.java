package dev.statwall.live;

import dev.statwall.card.CardSeries;
import dev.statwall.card.CardDefinition;

import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.simp.annotation.SubscribeMapping;
import org.springframework.stereotype.Controller;

/**
 * Answers a client that (re)subscribes with the rows it missed: everything after its last sequence
 * number, or the whole buffer when its epoch is from before a restart.
 */
@Controller
class CardRowsController {

	private final CardSeries cards;

	CardRowsController(CardSeries cards) {
		this.cards = cards;
	}

	/** Returns {@link LiveRows}, or a {@link LiveError} to this subscriber alone when the request is bad. */
	@SubscribeMapping("/cards/{node}/{card}")
	Object catchUp(@DestinationVariable String node, @DestinationVariable String card,
			@Header(name = "epoch", defaultValue = "-1") String epoch,
			@Header(name = "after", defaultValue = "0") String after) {
		try {
			CardDefinition definition = this.cards.dashboard(node).card(card)
				.orElseThrow(() -> new IllegalArgumentException("no card '" + card + "'"));
			return LiveRows.of(this.cards.rows(node, definition, number("epoch", epoch), number("after", after)));
		}
		catch (IllegalArgumentException ex) {
			// answered on the subscription itself: an exception handler would broadcast to the topic
			return new LiveError(String.valueOf(ex.getMessage()));
		}
	}

	/** The whole table; live changes after it carry the next sequence numbers. */
	@SubscribeMapping("/tables/{node}/{card}")
	Object table(@DestinationVariable String node, @DestinationVariable String card) {
		return this.cards.dashboard(node).card(card)
			.filter((definition) -> definition.type().isTable())
			.<Object>map((definition) -> LiveTable.of(this.cards.table(node, definition), true))
			.orElseGet(() -> new LiveError("no table card '" + card + "'"));
	}

	private static long number(String header, String value) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("header '" + header + "' must be a whole number, was '" + value + "'");
		}
	}

	/**
	 * Why a subscription was refused.
	 *
	 * @param error the reason
	 */
	record LiveError(String error) {
	}

}
