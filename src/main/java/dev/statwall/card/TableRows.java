package dev.statwall.card;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.statwall.buffer.MapBuffer.KeyedRow;

/**
 * A table card's rows, or what changed in them.
 *
 * @param card the card
 * @param node the node
 * @param seq the map buffer's sequence number after these rows
 * @param rows the rows put, with cells in the card's column order
 * @param deleted keys of rows that went away
 */
public record TableRows(CardDefinition card, String node, long seq, List<KeyedRow> rows, List<String> deleted) {

	/** The rows sorted by a column of the card, numbers by value and text alphabetically. */
	public static List<KeyedRow> sorted(Collection<KeyedRow> rows, CardDefinition card, @Nullable String column,
			boolean descending) {
		List<KeyedRow> sorted = new ArrayList<>(rows);
		int index = indexOf(card, column);
		if (index < 0) {
			return sorted;
		}
		Comparator<KeyedRow> order = Comparator.comparing((row) -> row.cells().get(index), TableRows::compareCells);
		sorted.sort(descending ? order.reversed() : order);
		return sorted;
	}

	static int indexOf(CardDefinition card, @Nullable String column) {
		for (int i = 0; i < card.tableColumns().size(); i++) {
			if (card.tableColumns().get(i).name().equals(column)) {
				return i;
			}
		}
		return -1;
	}

	private static int compareCells(Object left, Object right) {
		if (left instanceof Number a && right instanceof Number b) {
			return Double.compare(a.doubleValue(), b.doubleValue());
		}
		return String.valueOf(left).compareToIgnoreCase(String.valueOf(right));
	}

}
