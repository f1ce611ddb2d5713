package dev.statwall.alert;

/** What a rule makes of the samples in its window. */
public enum WindowFunction {

	/** The average of the window. */
	AVG,

	/** The lowest value of the window: "above 95 all the time". */
	MIN,

	/** The highest value of the window: "above 95 at any time". */
	MAX,

	/** The newest value. */
	LAST

}
