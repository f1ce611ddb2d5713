package dev.statwall.card;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A configured card, checked and ready to fill.
 *
 * @param id unique across pages: the page's slug and the card's name, such as {@code monitor.cpu_stats}
 * @param name the card's name on its page
 * @param type which fragment draws it
 * @param box where it sits
 * @param title its title
 * @param value how its value text is made from a row
 * @param aux how its aux value text is made
 * @param caption how its caption is made
 * @param columns its buffer's columns, in order
 * @param plotted indexes of the columns its plot draws
 * @param maxColumn index of the column that counts as full for a gauge, or -1 to use {@code max}
 * @param max what counts as full for a gauge when there is no max column
 * @param capacity rows its buffer keeps
 * @param color CSS colour of its plot
 * @param plotType area or bars
 * @param plotCurve linear, smooth or step
 * @param available false for an optional card whose metric this node lacks
 * @param table the table a table card shows
 * @param tableColumns the columns a table card shows
 * @param sort the column a table card is sorted by at first
 * @param sortDescending whether that sort is descending
 * @param content static text of a markdown or header card
 */
public record CardDefinition(String id, String name, CardType type, Box box, String title, ValueTemplate value,
		ValueTemplate aux, ValueTemplate caption, List<Column> columns, List<Integer> plotted, int maxColumn,
		double max, int capacity, String color, PlotType plotType, PlotCurve plotCurve, boolean available,
		@Nullable String table, List<TableColumn> tableColumns, @Nullable String sort, boolean sortDescending,
		String content) {

	/** The buffer of this card on a node. */
	public String bufferName(String node) {
		return node + "/" + this.id;
	}

	public List<String> columnNames() {
		return this.columns.stream().map(Column::name).toList();
	}

	public List<String> metrics() {
		return this.columns.stream().map(Column::metric).toList();
	}

	public String text(double[] values) {
		return text(values, Map.of());
	}

	public String text(double[] values, Map<String, String> texts) {
		return this.available ? this.value.format(values, texts) : ValueTemplate.NOT_AVAILABLE;
	}

	/**
	 * A row's hover tip, formatted here so that the browser formats nothing: the value text for one
	 * plotted series, each series' label and value for several.
	 */
	public String tip(double[] values, Map<String, String> texts) {
		if (this.plotted.size() <= 1) {
			return text(values, texts);
		}
		StringBuilder tip = new StringBuilder();
		for (int column : this.plotted) {
			Column plotted = this.columns.get(column);
			tip.append(tip.isEmpty() ? "" : "  ").append(plotted.label()).append(' ')
				.append(Formats.of(plotted.unit(), (column < values.length) ? values[column] : Double.NaN));
		}
		return tip.toString();
	}

	public String auxText(double[] values, Map<String, String> texts) {
		return this.available ? this.aux.format(values, texts) : "";
	}

	public String captionText(double[] values, Map<String, String> texts) {
		return this.caption.format(values, texts);
	}

	/** A gauge's fill from 0 to 1, or NaN when the value or its maximum is n/a. */
	public double progress(double[] values) {
		if (!this.available || values.length == 0) {
			return Double.NaN;
		}
		double full = (this.maxColumn >= 0) ? values[this.maxColumn] : this.max;
		if (Double.isNaN(values[0]) || Double.isNaN(full) || full <= 0) {
			return Double.NaN;
		}
		return Math.max(0, Math.min(1, values[0] / full));
	}

}
