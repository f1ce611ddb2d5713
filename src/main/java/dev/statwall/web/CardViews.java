package dev.statwall.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import dev.statwall.card.CardSeries;
import dev.statwall.card.CardDefinition;
import dev.statwall.card.CardHistory;
import dev.statwall.card.CardRows;
import dev.statwall.card.CardType;
import dev.statwall.card.Column;
import dev.statwall.card.Formats;
import dev.statwall.card.PageDefinition;
import dev.statwall.card.TableRows;
import dev.statwall.live.LiveRows;
import dev.statwall.live.LiveTable;
import dev.statwall.series.Row;
import dev.statwall.series.SeriesRange;
import dev.statwall.web.CardView.TableView;

/** Builds what each card fragment renders, from the node's buffers. */
public final class CardViews {

	private final CardSeries cards;

	private final JsonMapper json;

	private final Sparklines sparklines = new Sparklines();

	private final Markdown markdown = new Markdown();

	CardViews(CardSeries cards, JsonMapper json) {
		this.cards = cards;
		this.json = json;
	}

	public List<CardView> page(PageDefinition page, String node) {
		return page(page, node, TimeRange.LIVE);
	}

	/** A page's cards: live, or over a range of history (tables stay live: they show what is now). */
	public List<CardView> page(PageDefinition page, String node, TimeRange range) {
		PageDefinition fitted = this.cards.dashboard(node).page(page.path()).orElse(page);
		List<CardView> views = new ArrayList<>(fitted.cards().size());
		for (CardDefinition card : fitted.cards()) {
			views.add((range.live() || !card.type().hasRows()) ? card(card, node, card.sort(), card.sortDescending())
					: history(card, node, range));
		}
		return views;
	}

	/** A card over a range: each column's buckets with their min and max, about a point per two pixels. */
	CardView history(CardDefinition card, String node, TimeRange range) {
		int points = Math.max(120, Math.min(600, 150 * card.box().width()));
		CardHistory history = this.cards.history(node, card, range.from(), range.to(), points);
		List<SeriesRange> columns = history.columns();
		long[] time = columns.isEmpty() ? new long[0] : columns.get(0).time();
		List<Map<String, Object>> series = new ArrayList<>();
		for (int column : card.plotted()) {
			SeriesRange values = columns.get(column);
			series.add(Map.of("column", column, "avg", nullable(values.avg()), "min", nullable(values.min()), "max",
					nullable(values.max())));
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("node", node);
		json.put("card", card.id());
		json.put("history", true);
		json.put("from", range.from());
		json.put("to", range.to());
		json.put("step", columns.isEmpty() ? 0 : columns.get(0).step());
		json.put("time", time);
		json.put("series", series);
		json.put("value", history.value());
		json.put("aux", history.aux());
		json.put("caption", history.caption());
		json.put("progress", Double.isNaN(history.progress()) ? null : history.progress());
		json.put("tips", tips(card, columns, time.length));
		// the same points, averaged, for the scriptless sparkline and its hover tips
		List<Row> rows = new ArrayList<>(time.length);
		List<String> texts = new ArrayList<>(time.length);
		for (int i = 0; i < time.length; i++) {
			double[] values = new double[columns.size()];
			for (int c = 0; c < values.length; c++) {
				values[c] = (i < columns.get(c).size()) ? columns.get(c).avg()[i] : Double.NaN;
			}
			rows.add(new Row(i + 1, time[i], values));
			texts.add(card.tip(values, Map.of()));
		}
		CardRows averaged = new CardRows(card, node, 0, rows, texts, history.value(), history.aux(),
				history.caption());
		return new CardView(card, node, averaged, null, this.json.writeValueAsString(json),
				card.type().hasPlot() ? this.sparklines.of(averaged) : null, "", plot(card), history);
	}

	/** Each point's hover tip: every plotted series' average, and its min and max when they differ. */
	private static List<String> tips(CardDefinition card, List<SeriesRange> columns, int points) {
		List<String> tips = new ArrayList<>(points);
		boolean many = card.plotted().size() > 1;
		for (int i = 0; i < points; i++) {
			StringBuilder tip = new StringBuilder();
			for (int column : card.plotted()) {
				Column plotted = card.columns().get(column);
				SeriesRange range = columns.get(column);
				double avg = (i < range.size()) ? range.avg()[i] : Double.NaN;
				tip.append(tip.isEmpty() ? "" : "  ").append(many ? plotted.label() + " " : "")
					.append(Formats.of(plotted.unit(), avg));
				double min = (i < range.size()) ? range.min()[i] : Double.NaN;
				double max = (i < range.size()) ? range.max()[i] : Double.NaN;
				if (!Double.isNaN(min) && !Double.isNaN(max) && min != max) {
					tip.append(" (").append(Formats.of(plotted.unit(), min)).append(" – ")
						.append(Formats.of(plotted.unit(), max)).append(')');
				}
			}
			tips.add(tip.toString());
		}
		return tips;
	}

	private static List<@Nullable Double> nullable(double[] values) {
		List<@Nullable Double> list = new ArrayList<>(values.length);
		for (double value : values) {
			list.add(Double.isNaN(value) ? null : value);
		}
		return list;
	}

	public CardView card(CardDefinition card, String node, @Nullable String sort, boolean descending) {
		if (card.type().hasRows()) {
			CardRows rows = this.cards.rows(node, card);
			return new CardView(card, node, rows, null, this.json.writeValueAsString(LiveRows.of(rows)),
					card.type().hasPlot() ? this.sparklines.of(rows) : null, "", plot(card), null);
		}
		if (card.type().isTable()) {
			TableRows rows = this.cards.table(node, card);
			List<LiveTable.LiveTableRow> sorted = new ArrayList<>();
			TableRows.sorted(rows.rows(), card, sort, descending)
				.forEach((row) -> sorted.add(LiveTable.LiveTableRow.of(row, card.tableColumns())));
			TableView table = new TableView(card.tableColumns(), sorted, sort, descending, rows.seq());
			return new CardView(card, node, null, table, this.json.writeValueAsString(LiveTable.of(rows, true)), null,
					"", "{}", null);
		}
		String html = (card.type() == CardType.MARKDOWN) ? this.markdown.html(card.content()) : "";
		return new CardView(card, node, null, null, "{}", null, html, "{}", null);
	}

	private String plot(CardDefinition card) {
		List<Map<String, Object>> series = new ArrayList<>();
		for (int column : card.plotted()) {
			Column plotted = card.columns().get(column);
			series.add(Map.of("column", column, "label", plotted.label(), "unit",
					plotted.unit().name().toLowerCase(Locale.ROOT)));
		}
		return this.json.writeValueAsString(Map.of("type", card.plotType().name().toLowerCase(Locale.ROOT), "curve",
				card.plotCurve().name().toLowerCase(Locale.ROOT), "series", series));
	}

}
