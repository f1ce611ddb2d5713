package dev.statwall.card;

import java.util.List;

/**
 * A configured card, checked and ready to fill.
 *
 * @param id unique across pages: the page's slug and the card's name, such as {@code monitor.cpu_stats}
 * @param name the card's name on its page
 * @param type which fragment draws it
 * @param box where it sits
 * @param title its title
 * @param value how its value text is made from a row
 * @param metrics the metrics that fill its columns, in column order
 * @param columns the buffer's column names, such as {@code usage}
 * @param capacity rows its buffer keeps
 * @param color CSS colour of its plot
 * @param available false for an optional card whose metric this node lacks
 */
public record CardDefinition(String id, String name, CardType type, Box box, String title, ValueTemplate value,
		List<String> metrics, List<String> columns, int capacity, String color, boolean available) {

	/** The buffer of this card on a node. */
	public String bufferName(String node) {
		return node + "/" + this.id;
	}

	public String text(double[] values) {
		return this.available ? this.value.format(values) : ValueTemplate.NOT_AVAILABLE;
	}

}
