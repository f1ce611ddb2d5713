package dev.statwall.sampling;

/**
 * What a metric's number measures; value templates and exporters format by it. Each unit also
 * fixes how many decimals its numbers carry: values are rounded to that once, where they are made,
 * so that a load average read as 18.26 stays 18.26 on the wire, in JSON and in Prometheus, never
 * 18.259999999999998, and numbers carry no digits that measure nothing.
 */
public enum Unit {

	/** 0 to 100, to a hundredth of a percent. */
	PERCENT(2),

	/** Whole bytes. */
	BYTES(0),

	/** Bytes per second, to a tenth. */
	BYTES_PER_SECOND(1),

	/** Packets, operations or errors per second, to a hundredth: one a minute is still seen. */
	PER_SECOND(2),

	/** A count or a plain number such as a load average, to a hundredth. */
	COUNT(2),

	/** Seconds, to the millisecond (CPU time is counted in ticks of 10 ms on Linux, 1 ms elsewhere). */
	SECONDS(3),

	/** Degrees Celsius, to a tenth. */
	CELSIUS(1),

	/** Fan revolutions per minute, whole. */
	RPM(0),

	/** 0 to 1, to a ten-thousandth: a percentage with two decimals. */
	RATIO(4);

	/** Beyond this a double holds no fraction worth rounding (2^53). */
	private static final double EXACT = 9_007_199_254_740_992.0;

	private final int decimals;

	private final double scale;

	Unit(int decimals) {
		this.decimals = decimals;
		this.scale = Math.pow(10, decimals);
	}

	/** Decimals this unit's numbers carry. */
	public int decimals() {
		return this.decimals;
	}

	/**
	 * The nearest number with this unit's decimals. The scaled value is rounded to a whole number
	 * and divided by an exact power of ten, which IEEE division rounds correctly: the result is the
	 * double nearest to the decimal, the one {@code Double.toString} prints as that decimal. NaN and
	 * infinities stay as they are, and so do numbers too large to have a fraction.
	 */
	public double round(double value) {
		double scaled = value * this.scale;
		if (Double.isNaN(scaled) || Math.abs(scaled) >= EXACT) {
			return (Math.abs(value) >= EXACT) ? value : Math.rint(value);
		}
		return Math.rint(scaled) / this.scale + 0.0; // + 0.0 makes -0.0 plain 0.0
	}

}
