package dev.statwall.card;

import java.util.List;

import dev.statwall.series.SeriesRange;

/**
 * A card over a range of history.
 *
 * @param card the card
 * @param node the node
 * @param from the range's start, epoch milliseconds
 * @param to its end
 * @param columns each of the card's columns over the range
 * @param value the value text at the range's newest point
 * @param aux the aux text there
 * @param caption the caption there
 * @param progress a gauge's fill there, NaN when n/a
 */
public record CardHistory(CardDefinition card, String node, long from, long to, List<SeriesRange> columns,
		String value, String aux, String caption, double progress) {
}
