package dev.statwall.live;

import java.util.ArrayList;
import java.util.List;

import dev.statwall.buffer.MapBuffer.KeyedRow;
import dev.statwall.card.TableColumn;
import dev.statwall.card.TableRows;

/**
 * What a live client receives for a table card: the rows put and the keys deleted since its last
 * message, or every row when {@code reset} is true.
 *
 * @param node the node
 * @param card the card id
 * @param seq the table's sequence number after this change
 * @param reset true when {@code put} is the whole table
 * @param put rows added or changed
 * @param deleted keys of rows gone
 */
public record LiveTable(String node, String card, long seq, boolean reset, List<LiveTableRow> put,
		List<String> deleted) {

	public static LiveTable of(TableRows rows, boolean reset) {
		List<LiveTableRow> put = new ArrayList<>(rows.rows().size());
		for (KeyedRow row : rows.rows()) {
			put.add(LiveTableRow.of(row, rows.card().tableColumns()));
		}
		return new LiveTable(rows.node(), rows.card().id(), rows.seq(), reset, put, rows.deleted());
	}

	/**
	 * One row.
	 *
	 * @param key its key, such as a pid
	 * @param cells each cell as shown
	 * @param values each cell's raw value, for sorting and gauges
	 */
	public record LiveTableRow(String key, List<String> cells, List<Object> values) {

		public static LiveTableRow of(KeyedRow row, List<TableColumn> columns) {
			List<String> cells = new ArrayList<>(columns.size());
			for (int i = 0; i < columns.size(); i++) {
				cells.add(columns.get(i).show(row.cells().get(i)));
			}
			return new LiveTableRow(row.key(), cells, row.cells());
		}

	}

}
