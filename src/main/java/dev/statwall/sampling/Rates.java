package dev.statwall.sampling;

/** Turns two readings of a counter into a rate. */
final class Rates {

	/** Marks a counter that has not been read yet. */
	static final long UNKNOWN = -1;

	private Rates() {
	}

	/**
	 * Increase per second between two readings. A counter that went backwards (a 32-bit counter
	 * that wrapped, a driver that was reloaded, a disk that was re-attached) gives 0 for that
	 * interval: guessing the wrap point could produce an absurd spike.
	 * @param previous the earlier reading, or {@link #UNKNOWN}
	 * @param current the later reading
	 * @param elapsedNanos real time between the readings
	 * @return the rate, or NaN when there is no earlier reading or no time passed
	 */
	static double perSecond(long previous, long current, long elapsedNanos) {
		if (previous < 0 || current < 0 || elapsedNanos <= 0) {
			return Double.NaN;
		}
		if (current < previous) {
			return 0;
		}
		return (current - previous) * 1e9 / elapsedNanos;
	}

	/** {@code part} of {@code whole} in percent, clamped to 0..100; NaN if {@code whole} is not positive. */
	static double percent(double part, double whole) {
		if (!(whole > 0) || Double.isNaN(part)) {
			return Double.NaN;
		}
		return Math.max(0, Math.min(100, 100.0 * part / whole));
	}

	/** NaN counts as nothing, so a total of per-item rates skips items without a rate yet. */
	static double add(double sum, double rate) {
		if (Double.isNaN(rate)) {
			return sum;
		}
		return Double.isNaN(sum) ? rate : sum + rate;
	}

}
