package dev.statwall.web;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.statwall.card.CardDefinition;
import dev.statwall.card.CardHistory;
import dev.statwall.card.CardRows;
import dev.statwall.card.ValueTemplate;
import dev.statwall.live.LiveTable.LiveTableRow;
import dev.statwall.card.TableColumn;
import dev.statwall.web.Sparklines.Sparkline;

/**
 * What a card fragment renders.
 *
 * @param card the card
 * @param node the node it shows
 * @param rows its current rows, for cards filled from a cyclic buffer
 * @param table its current rows, for table cards
 * @param json the same data for the live client to start from
 * @param spark the rows drawn as SVG, for pages without scripts
 * @param html a markdown card's text as safe HTML
 * @param plot how the live client draws the plot: type, curve, and each series' column, label and unit
 * @param history the card over a range of history, when the page shows one; then {@code rows} are
 * its averaged points and the card is not live
 */
public record CardView(CardDefinition card, String node, @Nullable CardRows rows, @Nullable TableView table,
		String json, @Nullable Sparkline spark, String html, String plot, @Nullable CardHistory history) {

	/** How live.js follows the card: its rows, its table, or not at all (a range of history). */
	public String kind() {
		return (this.history != null) ? "history" : (this.table != null) ? "table" : "rows";
	}

	public String value() {
		if (this.history != null) {
			return this.history.value();
		}
		return (this.rows != null) ? this.rows.value() : ValueTemplate.NOT_AVAILABLE;
	}

	public String aux() {
		return (this.rows != null) ? this.rows.aux() : "";
	}

	public String caption() {
		return (this.rows != null) ? this.rows.caption() : "";
	}

	public int points() {
		return (this.rows != null) ? this.rows.rows().size() : 0;
	}

	private double progress() {
		if (this.history != null) {
			return this.history.progress();
		}
		return (this.rows != null) ? this.rows.progress() : Double.NaN;
	}

	/** A gauge's fill as a CSS percentage; zero when n/a. */
	public String progressPercent() {
		double progress = progress();
		return percent(Double.isNaN(progress) ? 0 : progress * 100);
	}

	/** How a gauge's arc is drawn: its filled length out of 100. */
	public String gaugeDash() {
		double progress = progress();
		return String.format(Locale.ROOT, "%.2f 100", Double.isNaN(progress) ? 0 : progress * 100);
	}

	static String percent(double value) {
		return String.format(Locale.ROOT, "%.1f%%", Math.max(0, Math.min(100, value)));
	}

	/**
	 * A table card's rows as shown.
	 *
	 * @param columns its columns
	 * @param rows its rows, sorted
	 * @param sort the column sorted by
	 * @param descending whether descending
	 * @param seq the table's sequence number
	 */
	public record TableView(List<TableColumn> columns, List<LiveTableRow> rows, @Nullable String sort,
			boolean descending, long seq) {

		/** The order a click on this column's header asks for. */
		public String nextDir(String column) {
			return (column.equals(this.sort) && !this.descending) ? "desc"
					: (column.equals(this.sort) ? "asc" : "desc");
		}

		public String ariaSort(String column) {
			if (!column.equals(this.sort)) {
				return "none";
			}
			return this.descending ? "descending" : "ascending";
		}

		public String gaugeWidth(Object value) {
			return (value instanceof Number number && !Double.isNaN(number.doubleValue()))
					? percent(number.doubleValue()) : "0%";
		}

	}

}
