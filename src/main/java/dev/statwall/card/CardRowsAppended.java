package dev.statwall.card;

import java.util.List;
import java.util.Map;

import dev.statwall.buffer.Row;

/**
 * Published after a sample has been appended to a node's card buffers.
 *
 * @param node the node
 * @param appended the new row of each card
 * @param tables what changed in each table card
 */
public record CardRowsAppended(String node, List<AppendedRow> appended, List<TableRows> tables) {

	/**
	 * One card's new row. Its texts are formatted only when asked for: a hub appends for thousands
	 * of nodes a second, and only the cards someone watches are ever sent.
	 *
	 * @param card the card
	 * @param epoch its buffer's epoch
	 * @param row the row appended
	 * @param texts the node's texts when it was appended
	 */
	public record AppendedRow(CardDefinition card, long epoch, Row row, Map<String, String> texts) {

		public CardRows rows(String node) {
			return new CardRows(this.card, node, this.epoch, List.of(this.row),
					List.of(this.card.text(this.row.values(), this.texts)), this.card.auxText(this.row.values(), this.texts),
					this.card.captionText(this.row.values(), this.texts));
		}

	}

}
