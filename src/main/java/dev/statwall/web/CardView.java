package dev.statwall.web;

import dev.statwall.card.CardDefinition;
import dev.statwall.card.CardRows;
import dev.statwall.web.Sparklines.Sparkline;

/**
 * What a card fragment renders.
 *
 * @param rows the card's current rows
 * @param json the same rows for the live client to start from
 * @param spark the rows drawn as SVG, for pages without scripts
 */
public record CardView(CardRows rows, String json, Sparkline spark) {

	public CardDefinition card() {
		return this.rows.card();
	}

}
