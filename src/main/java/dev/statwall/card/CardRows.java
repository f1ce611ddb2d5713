package dev.statwall.card;

import java.util.List;

import dev.statwall.series.Row;

/**
 * Rows of one card's buffer with their value texts, as the page and live clients receive them.
 *
 * @param card the card
 * @param node the node whose buffer this is
 * @param epoch the buffer's epoch: a new one means sequence numbers started again
 * @param rows the rows, oldest first
 * @param texts the hover tip of each row: its value text, or each series' value for several
 * @param value the value text after the newest row, n/a before the first sample
 * @param aux the aux value text after the newest row
 * @param caption the caption after the newest row
 */
public record CardRows(CardDefinition card, String node, long epoch, List<Row> rows, List<String> texts, String value,
		String aux, String caption) {

	public long lastSeq() {
		return this.rows.isEmpty() ? 0 : this.rows.get(this.rows.size() - 1).seq();
	}

	/** A gauge's fill after the newest row, from 0 to 1, or NaN. */
	public double progress() {
		return this.rows.isEmpty() ? Double.NaN : this.card.progress(this.rows.get(this.rows.size() - 1).values());
	}

}
