package dev.statwall.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import dev.statwall.card.CardSeries;
import dev.statwall.card.CardDefinition;
import dev.statwall.card.CardRows;
import dev.statwall.card.CardType;
import dev.statwall.card.Column;
import dev.statwall.card.PageDefinition;
import dev.statwall.card.TableRows;
import dev.statwall.live.LiveRows;
import dev.statwall.live.LiveTable;
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
		PageDefinition fitted = this.cards.dashboard(node).page(page.path()).orElse(page);
		List<CardView> views = new ArrayList<>(fitted.cards().size());
		for (CardDefinition card : fitted.cards()) {
			views.add(card(card, node, card.sort(), card.sortDescending()));
		}
		return views;
	}

	public CardView card(CardDefinition card, String node, @Nullable String sort, boolean descending) {
		if (card.type().hasRows()) {
			CardRows rows = this.cards.rows(node, card);
			return new CardView(card, node, rows, null, this.json.writeValueAsString(LiveRows.of(rows)),
					card.type().hasPlot() ? this.sparklines.of(rows) : null, "", plot(card));
		}
		if (card.type().isTable()) {
			TableRows rows = this.cards.table(node, card);
			List<LiveTable.LiveTableRow> sorted = new ArrayList<>();
			TableRows.sorted(rows.rows(), card, sort, descending)
				.forEach((row) -> sorted.add(LiveTable.LiveTableRow.of(row, card.tableColumns())));
			TableView table = new TableView(card.tableColumns(), sorted, sort, descending, rows.seq());
			return new CardView(card, node, null, table, this.json.writeValueAsString(LiveTable.of(rows, true)), null,
					"", "{}");
		}
		String html = (card.type() == CardType.MARKDOWN) ? this.markdown.html(card.content()) : "";
		return new CardView(card, node, null, null, "{}", null, html, "{}");
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
