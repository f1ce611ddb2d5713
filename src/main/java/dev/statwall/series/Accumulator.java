package dev.statwall.series;

import java.util.Arrays;

/**
 * The open rollup point of one node: per metric the count, min, max and sum of the values of the
 * current minute (or hour) so far. n/a values are not counted.
 */
final class Accumulator {

	private long start = Long.MIN_VALUE;

	private int[] counts = new int[0];

	private double[] min = new double[0];

	private double[] max = new double[0];

	private double[] sum = new double[0];

	long start() {
		return this.start;
	}

	boolean isEmpty() {
		for (int count : this.counts) {
			if (count > 0) {
				return false;
			}
		}
		return true;
	}

	int size() {
		return this.counts.length;
	}

	int count(int metric) {
		return (metric < this.counts.length) ? this.counts[metric] : 0;
	}

	double min(int metric) {
		return this.min[metric];
	}

	double max(int metric) {
		return this.max[metric];
	}

	double sum(int metric) {
		return this.sum[metric];
	}

	/** Starts a new point at {@code start}, empty. */
	void reset(long start, int metrics) {
		this.start = start;
		grow(metrics);
		Arrays.fill(this.counts, 0);
	}

	void add(int metric, double value) {
		grow(metric + 1);
		if (this.counts[metric] == 0) {
			this.min[metric] = value;
			this.max[metric] = value;
			this.sum[metric] = value;
		}
		else {
			this.min[metric] = Math.min(this.min[metric], value);
			this.max[metric] = Math.max(this.max[metric], value);
			this.sum[metric] += value;
		}
		this.counts[metric]++;
	}

	/** Adds a finer point's rollup: a minute into its hour. */
	void add(int metric, int count, double min, double max, double sum) {
		if (count == 0) {
			return;
		}
		grow(metric + 1);
		if (this.counts[metric] == 0) {
			this.min[metric] = min;
			this.max[metric] = max;
			this.sum[metric] = sum;
		}
		else {
			this.min[metric] = Math.min(this.min[metric], min);
			this.max[metric] = Math.max(this.max[metric], max);
			this.sum[metric] += sum;
		}
		this.counts[metric] += count;
	}

	void addAll(Accumulator finer) {
		for (int m = 0; m < finer.size(); m++) {
			add(m, finer.count(m), finer.counts[m] > 0 ? finer.min[m] : 0, finer.counts[m] > 0 ? finer.max[m] : 0,
					finer.counts[m] > 0 ? finer.sum[m] : 0);
		}
	}

	Accumulator copy() {
		Accumulator copy = new Accumulator();
		copy.start = this.start;
		copy.counts = this.counts.clone();
		copy.min = this.min.clone();
		copy.max = this.max.clone();
		copy.sum = this.sum.clone();
		return copy;
	}

	void write(Bytes out) {
		out.signed(this.start);
		out.varlong(this.counts.length);
		for (int m = 0; m < this.counts.length; m++) {
			out.varlong(this.counts[m]);
			if (this.counts[m] > 0) {
				out.int64(Double.doubleToLongBits(this.min[m]));
				out.int64(Double.doubleToLongBits(this.max[m]));
				out.int64(Double.doubleToLongBits(this.sum[m]));
			}
		}
	}

	static Accumulator read(Bytes.Reader in) {
		Accumulator accumulator = new Accumulator();
		accumulator.start = in.signed();
		int size = in.varint(SampleBlock.MAX_COLUMNS);
		accumulator.grow(size);
		for (int m = 0; m < size; m++) {
			accumulator.counts[m] = in.varint(Integer.MAX_VALUE);
			if (accumulator.counts[m] > 0) {
				accumulator.min[m] = Double.longBitsToDouble(in.int64());
				accumulator.max[m] = Double.longBitsToDouble(in.int64());
				accumulator.sum[m] = Double.longBitsToDouble(in.int64());
			}
		}
		return accumulator;
	}

	private void grow(int metrics) {
		if (metrics > this.counts.length) {
			this.counts = Arrays.copyOf(this.counts, metrics);
			this.min = Arrays.copyOf(this.min, metrics);
			this.max = Arrays.copyOf(this.max, metrics);
			this.sum = Arrays.copyOf(this.sum, metrics);
		}
	}

}
