package dev.statwall.card;

/** The kinds of card a page can hold; each one is a Thymeleaf fragment under {@code cards/}. */
public enum CardType {

	/** A value. */
	SMALL_STAT,

	/** A value and a sparkline. */
	SMALL_SERIES_STAT;

	/** The fragment's template name, such as {@code cards/small_series_stat}. */
	public String template() {
		return "cards/" + name().toLowerCase(java.util.Locale.ROOT);
	}

	public boolean hasPlot() {
		return this == SMALL_SERIES_STAT;
	}

}
