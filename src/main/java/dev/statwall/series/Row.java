package dev.statwall.series;

/**
 * One sample of a node as stored: its number in the node's history, its time and its values.
 * {@code NaN} means n/a (a gap in charts).
 *
 * @param seq one more than the previous sample's, in the node's history (see {@link NodeInfo#epoch})
 * @param time when it was taken, epoch milliseconds
 * @param values one per metric asked for, or per metric of the node in its order
 */
public record Row(long seq, long time, double[] values) {

	public double value(int index) {
		return this.values[index];
	}

}
