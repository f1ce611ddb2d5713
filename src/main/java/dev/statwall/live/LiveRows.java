package dev.statwall.live;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.statwall.series.Row;
import dev.statwall.card.CardRows;

/**
 * What a live client receives for one card: only the rows it does not have yet, and the value text
 * to show.
 *
 * @param node the node
 * @param card the card id, such as {@code monitor.cpu_stats}
 * @param epoch the buffer's epoch; when it differs from the client's, sequence numbers started again
 * @param rows the new rows, oldest first
 * @param value the card's value text after these rows
 * @param aux the card's aux value text after these rows
 * @param caption the card's caption after these rows
 * @param progress a gauge's fill from 0 to 1 after these rows; {@code null} when n/a
 */
public record LiveRows(String node, String card, long epoch, List<LiveRow> rows, String value, String aux,
		String caption, @Nullable Double progress) {

	public static LiveRows of(CardRows rows) {
		List<LiveRow> live = new ArrayList<>(rows.rows().size());
		for (int i = 0; i < rows.rows().size(); i++) {
			live.add(LiveRow.of(rows.rows().get(i), rows.texts().get(i)));
		}
		double progress = rows.progress();
		return new LiveRows(rows.node(), rows.card().id(), rows.epoch(), live, rows.value(), rows.aux(),
				rows.caption(), Double.isNaN(progress) ? null : progress);
	}

	/**
	 * One row.
	 *
	 * @param seq its sequence number in the buffer
	 * @param time when it was sampled, epoch milliseconds
	 * @param values one per column; {@code null} where the reading was n/a
	 * @param text the value text of this row, for hover tips
	 */
	public record LiveRow(long seq, long time, List<@Nullable Double> values, String text) {

		static LiveRow of(Row row, String text) {
			List<@Nullable Double> values = new ArrayList<>(row.values().length);
			for (double value : row.values()) {
				values.add(Double.isNaN(value) ? null : value);
			}
			return new LiveRow(row.seq(), row.time(), values, text);
		}

	}

}
