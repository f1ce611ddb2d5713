package dev.statwall.card;

import java.util.List;

/**
 * A configured page of cards.
 *
 * @param path where it is served
 * @param slug the path as one word, used in card ids and live destinations
 * @param title its title
 * @param cards its cards
 */
public record PageDefinition(String path, String slug, String title, List<CardDefinition> cards) {

	/** Grid rows the page needs, so that boxes placed lower still get their height. */
	public int rows() {
		return this.cards.stream().mapToInt((card) -> card.box().row() + card.box().height() - 1).max().orElse(1);
	}

	public int columns() {
		return this.cards.stream().mapToInt((card) -> card.box().column() + card.box().width() - 1).max().orElse(1);
	}

}
