package dev.statwall.series;

import java.util.Arrays;

/** Points gathered into buckets of {@code step} milliseconds from {@code from}: the min, max and average of each. */
final class Buckets {

	private final long from;

	private final long step;

	private final long[] counts;

	private final double[] min;

	private final double[] max;

	private final double[] sum;

	Buckets(long from, long to, long step) {
		this.from = from;
		this.step = step;
		int size = (int) Math.max(0, Math.min(Integer.MAX_VALUE - 8, (to - from) / step + 1));
		this.counts = new long[size];
		this.min = new double[size];
		this.max = new double[size];
		this.sum = new double[size];
	}

	/** Adds a point: a sample ({@code count} 1) or a rollup; n/a values are not counted. */
	void add(long time, long count, double min, double max, double sum) {
		if (count <= 0 || Double.isNaN(sum) || time < this.from) {
			return;
		}
		long index = (time - this.from) / this.step;
		if (index >= this.counts.length) {
			return;
		}
		int i = (int) index;
		if (this.counts[i] == 0) {
			this.min[i] = min;
			this.max[i] = max;
			this.sum[i] = sum;
		}
		else {
			this.min[i] = Math.min(this.min[i], min);
			this.max[i] = Math.max(this.max[i], max);
			this.sum[i] += sum;
		}
		this.counts[i] += count;
	}

	/** One point per bucket; NaN where a bucket had nothing: a gap. */
	SeriesRange range(int tier) {
		int size = this.counts.length;
		long[] time = new long[size];
		double[] avg = new double[size];
		double[] min = new double[size];
		double[] max = new double[size];
		Arrays.fill(avg, Double.NaN);
		Arrays.fill(min, Double.NaN);
		Arrays.fill(max, Double.NaN);
		for (int i = 0; i < size; i++) {
			time[i] = this.from + i * this.step;
			if (this.counts[i] > 0) {
				avg[i] = this.sum[i] / this.counts[i];
				min[i] = this.min[i];
				max[i] = this.max[i];
			}
		}
		return new SeriesRange(tier, this.step, time, avg, min, max);
	}

}
