package dev.statwall.card;

/** How a series card draws its rows, as Wave's {@code plot_type}. */
public enum PlotType {

	/** A line with a light fill down to zero. */
	AREA,

	/** One bar per row. */
	INTERVAL

}
