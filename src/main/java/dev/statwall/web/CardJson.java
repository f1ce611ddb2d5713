package dev.statwall.web;

import tools.jackson.databind.json.JsonMapper;

import dev.statwall.card.CardRows;
import dev.statwall.live.LiveRows;

/**
 * A card's rows as the JSON a live client starts from; the page embeds it in an attribute, which
 * Thymeleaf escapes, so no text from the system can end the attribute early.
 */
public final class CardJson {

	private final JsonMapper json;

	CardJson(JsonMapper json) {
		this.json = json;
	}

	public String rows(CardRows rows) {
		return this.json.writeValueAsString(LiveRows.of(rows));
	}

}
