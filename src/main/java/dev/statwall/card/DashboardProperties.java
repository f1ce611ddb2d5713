package dev.statwall.card;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The pages of cards this node serves, as Wave's {@code site[path]} with {@code page.add(name, card)}.
 *
 * @param pages the pages, each at its own path
 */
@ConfigurationProperties("statwall")
@Validated
public record DashboardProperties(@DefaultValue List<@Valid Page> pages) {

	/**
	 * A page of cards.
	 *
	 * @param path where the page is served, such as {@code /monitor}
	 * @param title the browser tab's title
	 * @param cards the cards on the page, placed by their boxes
	 */
	public record Page(@NotBlank @Pattern(regexp = "/([a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*)?",
			message = "must be '/' or lower-case path segments such as '/monitor'") String path,
			@DefaultValue("statwall") String title, @DefaultValue List<@Valid Card> cards) {
	}

	/**
	 * A card, as Wave's {@code ui.small_series_stat_card(...)}.
	 *
	 * @param name unique on its page, such as {@code cpu_stats}
	 * @param type which card to draw
	 * @param box grid placement, {@code 'column row width height'}
	 * @param title bold title at the top left
	 * @param value value template such as {@code ={{usage}}%}; a metric's column is its name's last part;
	 * empty shows the plain number
	 * @param auxValue second, smaller value template, for wide, tall, large and gauge cards
	 * @param caption small text under a large card's value; a template like the value
	 * @param metric the metric that fills the card's first column, such as {@code cpu.usage}
	 * @param series further metrics to plot, one line each; {@code *} matches one part, so
	 * {@code cpu.core.*.usage} draws one line per core
	 * @param data further metrics the card keeps for its templates without plotting them, such as
	 * {@code memory.total} for an aux value {@code ={{bytes used}} of {{bytes total}}}
	 * @param buffer how many rows the card's cyclic buffer holds, as Wave's {@code data('tick usage', -15)}
	 * @param color plot colour: a name (red, blue, green...) or {@code #rrggbb}
	 * @param plotType {@code area} (a line with a light fill) or {@code interval} (bars)
	 * @param plotCurve {@code linear}, {@code smooth} or {@code step}
	 * @param max what a gauge or bar counts as full, when no max metric is given
	 * @param maxMetric the metric that counts as full for a gauge or bar, such as {@code memory.total}
	 * @param table for a table card: the table it shows, such as {@code processes.top}
	 * @param columns for a table card: its columns in order, each {@code name} or {@code name:format} with a
	 * value-template helper (bytes, percent...) or {@code gauge}
	 * @param sort for a table card: the column it is sorted by at first; {@code -} in front sorts descending
	 * @param content for markdown and header cards: the text; Markdown for markdown cards
	 * @param optional when true, a metric this machine lacks shows {@code n/a} instead of stopping start-up
	 */
	public record Card(@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]+",
			message = "must be letters, digits, '_' or '-'") String name, @NotNull CardType type, @NotNull Box box,
			@DefaultValue("") String title, @DefaultValue("") String value, @DefaultValue("") String auxValue,
			@DefaultValue("") String caption, @Nullable String metric, @DefaultValue List<String> series, @DefaultValue List<String> data,
			@DefaultValue("15") @Positive int buffer, @DefaultValue("blue") @Pattern(regexp = Colors.PATTERN,
					message = "must be one of " + Colors.NAMES + " or #rrggbb") String color,
			@DefaultValue("area") PlotType plotType, @DefaultValue("linear") PlotCurve plotCurve,
			@DefaultValue("100") @Positive double max, @Nullable String maxMetric, @Nullable String table,
			@DefaultValue List<String> columns, @Nullable String sort, @DefaultValue("") String content,
			@DefaultValue("false") boolean optional) {

		/** The same card, showing n/a where a node lacks a metric. */
		Card asOptional() {
			return new Card(this.name, this.type, this.box, this.title, this.value, this.auxValue, this.caption,
					this.metric, this.series, this.data, this.buffer, this.color, this.plotType, this.plotCurve, this.max,
					this.maxMetric, this.table, this.columns, this.sort, this.content, true);
		}

	}

}
