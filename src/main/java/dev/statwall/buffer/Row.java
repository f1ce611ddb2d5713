package dev.statwall.buffer;

/**
 * One appended row of a cyclic buffer. Values follow the buffer's columns; {@code NaN} means the
 * reading was not available (shown as {@code n/a} and as a gap in charts).
 *
 * @param seq per-buffer sequence number, one more than the previous row's
 * @param time when the sample was taken, in epoch milliseconds
 * @param values one value per column
 */
public record Row(long seq, long time, double[] values) {

	public double value(int column) {
		return this.values[column];
	}

}
