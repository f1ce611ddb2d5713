package dev.statwall.series;

/**
 * A metric's values over a time range, as charts and the history API want them: at most the
 * points asked for, each the average of its bucket with the bucket's min and max around it.
 * {@code NaN} where the node sent nothing (a gap). At tier 0 with room for every sample, each
 * point is one sample at its own time and min, avg and max are its value.
 *
 * @param tier the tier read: 0 samples, 1 minutes, 2 hours
 * @param step milliseconds a point stands for; the node's interval for single samples
 * @param time each point's time, epoch milliseconds: the sample's, or its bucket's start
 * @param avg each point's average
 * @param min each point's minimum
 * @param max each point's maximum
 */
public record SeriesRange(int tier, long step, long[] time, double[] avg, double[] min, double[] max) {

	static SeriesRange empty(int tier, long step) {
		return new SeriesRange(tier, step, new long[0], new double[0], new double[0], new double[0]);
	}

	public int size() {
		return this.time.length;
	}

}
