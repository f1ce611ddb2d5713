package dev.statwall.card;

import java.util.Locale;

/**
 * The kinds of card a page can hold, after Wave's stat cards; each one is a Thymeleaf fragment
 * under {@code cards/}.
 */
public enum CardType {

	/** A value. */
	SMALL_STAT(Data.ROWS),

	/** A value and a sparkline. */
	SMALL_SERIES_STAT(Data.ROWS),

	/** A value, an aux value and a larger plot beside them; can draw several series. */
	WIDE_SERIES_STAT(Data.ROWS),

	/** A value, an aux value and a larger plot below them; can draw several series. */
	TALL_SERIES_STAT(Data.ROWS),

	/** A large value, an aux value and a caption. */
	LARGE_STAT(Data.ROWS),

	/** A value with its fraction of a maximum drawn as a gauge. */
	WIDE_GAUGE_STAT(Data.ROWS),

	/** A value with its fraction of a maximum drawn as a bar. */
	WIDE_BAR_STAT(Data.ROWS),

	/** The rows of a map buffer, such as the top processes. */
	TABLE(Data.TABLE),

	/** Static text written in Markdown. */
	MARKDOWN(Data.NONE),

	/** A title and a subtitle, for the top of a page. */
	HEADER(Data.NONE);

	private final Data data;

	CardType(Data data) {
		this.data = data;
	}

	/** The fragment's template name, such as {@code cards/small_series_stat}. */
	public String template() {
		return "cards/" + name().toLowerCase(Locale.ROOT);
	}

	public boolean hasPlot() {
		return this == SMALL_SERIES_STAT || this == WIDE_SERIES_STAT || this == TALL_SERIES_STAT;
	}

	public boolean hasProgress() {
		return this == WIDE_GAUGE_STAT || this == WIDE_BAR_STAT;
	}

	/** Whether the card is filled from a cyclic buffer of metric rows. */
	public boolean hasRows() {
		return this.data == Data.ROWS;
	}

	public boolean isTable() {
		return this.data == Data.TABLE;
	}

	private enum Data {

		ROWS, TABLE, NONE

	}

}
