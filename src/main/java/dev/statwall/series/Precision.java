package dev.statwall.series;

import dev.statwall.sampling.Metric;
import dev.statwall.sampling.Unit;

/**
 * How finely a metric's values are kept: a whole number of hundredths of a percent, of bytes, of
 * tenths of a degree. Below that a reading is noise (a percentage of CPU ticks is not known to a
 * thousandth), and keeping the noise would cost most of the disk. A value is rounded once, when it
 * is appended, so what a live card shows and what history reads back are the same number.
 *
 * @param decimals decimal places kept
 */
record Precision(int decimals) {

	private static final double[] SCALES = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000 };

	/** Values whose scaled magnitude is past this are kept as raw bits: a long holds them, a double not exactly. */
	private static final double LIMIT = 0x1p53;

	static Precision of(String metric) {
		return of(Metric.named(metric).unit());
	}

	/** The decimals the metric's unit carries (a tenth of a degree, whole bytes): one source, {@link Unit#decimals()}. */
	static Precision of(Unit unit) {
		return new Precision(unit.decimals());
	}

	double scale() {
		return SCALES[this.decimals];
	}

	/** True when {@code value} is a whole multiple of this precision a long can hold: see {@link #number}. */
	boolean fits(double value) {
		double scaled = value * scale();
		return !Double.isNaN(scaled) && Math.abs(scaled) < LIMIT;
	}

	/** The value as a whole number of this precision's units, rounded as {@link Unit#round} does; {@link #fits} first. */
	long number(double value) {
		return (long) Math.rint(value * scale());
	}

	/** The value a whole number stands for: {@code 1869} at two decimals is exactly the double nearest 18.69. */
	double value(long number) {
		return number / scale();
	}

	/** {@code value} as it is kept: rounded to this precision, or unchanged when it does not fit. */
	double round(double value) {
		return fits(value) ? value(number(value)) : value;
	}

}
