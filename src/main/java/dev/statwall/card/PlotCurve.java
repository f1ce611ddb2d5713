package dev.statwall.card;

/** How the line between two rows is drawn, as Wave's {@code plot_curve}. */
public enum PlotCurve {

	LINEAR, SMOOTH, STEP

}
