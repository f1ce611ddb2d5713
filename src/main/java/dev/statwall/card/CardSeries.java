package dev.statwall.card;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.statwall.buffer.MapBuffer;
import dev.statwall.buffer.MapBuffer.KeyedRow;
import dev.statwall.buffer.MapBuffer.MapChange;
import dev.statwall.series.NodeInfo;
import dev.statwall.series.Row;
import dev.statwall.series.SeriesRange;
import dev.statwall.series.SeriesStore;
import dev.statwall.series.Tables;

/**
 * What a card shows, read from its node's series: its newest rows (as many as its buffer holds),
 * a range of history, or its table. A card holds no numbers of its own.
 */
public final class CardSeries {

	private final SeriesStore store;

	private final Tables tables;

	private final NodeDashboards dashboards;

	public CardSeries(SeriesStore store, Tables tables, NodeDashboards dashboards) {
		this.store = store;
		this.tables = tables;
		this.dashboards = dashboards;
	}

	/** The node's cards: fitted to what it reports, or as configured before it has reported anything. */
	public Dashboard dashboard(String node) {
		return this.store.node(node).map(this.dashboards::dashboard).orElse(this.dashboards.configured());
	}

	/**
	 * A card's rows after {@code afterSeq}; all it shows when the client's {@code epoch} is not the
	 * node's history's, because then its sequence numbers mean nothing here.
	 */
	public CardRows rows(String node, CardDefinition card, long epoch, long afterSeq) {
		NodeInfo info = this.store.node(node).orElse(null);
		if (info == null) {
			return new CardRows(card, node, 0, List.of(), List.of(), ValueTemplate.NOT_AVAILABLE, "", "");
		}
		long after = (epoch == info.epoch()) ? afterSeq : 0;
		List<Row> rows = this.store.recent(node, card.capacity(), after, card.metrics());
		return rows(info, card, rows, latest(info, card));
	}

	public CardRows rows(String node, CardDefinition card) {
		return rows(node, card, -1, 0);
	}

	/** A card's view of rows just appended to its node, whose values follow the node's metric order. */
	public CardRows appended(NodeInfo node, CardDefinition card, List<Row> appended) {
		int[] columns = this.dashboards.cards(node).columns(card);
		List<Row> rows = new ArrayList<>(appended.size());
		for (Row row : appended) {
			double[] values = new double[columns.length];
			for (int c = 0; c < columns.length; c++) {
				values[c] = (columns[c] >= 0 && columns[c] < row.values().length) ? row.values()[columns[c]] : Double.NaN;
			}
			rows.add(new Row(row.seq(), row.time(), values));
		}
		double[] last = rows.isEmpty() ? new double[columns.length] : rows.get(rows.size() - 1).values();
		return rows(node, card, rows, last);
	}

	private CardRows rows(NodeInfo node, CardDefinition card, List<Row> rows, double[] last) {
		Map<String, String> texts = node.texts();
		List<String> values = new ArrayList<>(rows.size());
		rows.forEach((row) -> values.add(card.tip(row.values(), texts)));
		String value = card.text(last, texts);
		return new CardRows(card, node.name(), node.epoch(), rows, values, value, card.auxText(last, texts),
				card.captionText(last, texts));
	}

	private double[] latest(NodeInfo node, CardDefinition card) {
		List<String> metrics = card.metrics();
		double[] values = new double[metrics.size()];
		for (int c = 0; c < values.length; c++) {
			values[c] = node.value(metrics.get(c));
		}
		return values;
	}

	/**
	 * A card over a time range: each of its columns at most {@code points} points, with the min and
	 * max of each bucket; its texts show the newest point of the range.
	 */
	public CardHistory history(String node, CardDefinition card, long from, long to, int points) {
		NodeInfo info = this.store.node(node).orElse(null);
		List<SeriesRange> columns = new ArrayList<>(card.columns().size());
		double[] last = new double[card.columns().size()];
		for (int c = 0; c < card.columns().size(); c++) {
			SeriesRange range = this.store.range(node, card.columns().get(c).metric(), from, to, points);
			columns.add(range);
			last[c] = Double.NaN;
			for (int i = range.size() - 1; i >= 0; i--) {
				if (!Double.isNaN(range.avg()[i])) {
					last[c] = range.avg()[i];
					break;
				}
			}
		}
		Map<String, String> texts = (info != null) ? info.texts() : Map.of();
		return new CardHistory(card, node, from, to, columns, card.available() ? card.text(last, texts) : "n/a",
				card.auxText(last, texts), card.captionText(last, texts), card.progress(last));
	}

	/** A table card's current rows, with the card's columns. */
	public TableRows table(String node, CardDefinition card) {
		String table = card.table();
		MapBuffer buffer = (table != null) ? this.tables.find(node, table) : null;
		if (buffer == null) {
			return new TableRows(card, node, 0, List.of(), List.of());
		}
		int[] columns = tableColumns(card, buffer);
		long seq = buffer.lastSeq();
		List<KeyedRow> rows = new ArrayList<>();
		for (KeyedRow row : buffer.rows()) {
			rows.add(pick(row, columns));
		}
		return new TableRows(card, node, seq, rows, List.of());
	}

	/** What changed in a table card, with the card's columns. */
	public TableRows changed(String node, CardDefinition card, MapChange change) {
		String table = card.table();
		MapBuffer buffer = (table != null) ? this.tables.find(node, table) : null;
		if (buffer == null) {
			return new TableRows(card, node, change.seq(), List.of(), change.deleted());
		}
		int[] columns = tableColumns(card, buffer);
		List<KeyedRow> rows = new ArrayList<>(change.put().size());
		change.put().forEach((row) -> rows.add(pick(row, columns)));
		return new TableRows(card, node, change.seq(), rows, change.deleted());
	}

	private static int[] tableColumns(CardDefinition card, MapBuffer buffer) {
		int[] columns = new int[card.tableColumns().size()];
		for (int i = 0; i < columns.length; i++) {
			columns[i] = buffer.columns().indexOf(card.tableColumns().get(i).name());
		}
		return columns;
	}

	private static KeyedRow pick(KeyedRow row, int[] columns) {
		List<Object> cells = new ArrayList<>(columns.length);
		for (int index : columns) {
			cells.add((index >= 0 && index < row.cells().size()) ? row.cells().get(index) : "");
		}
		return new KeyedRow(row.key(), cells);
	}

}
