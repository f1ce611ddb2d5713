package dev.statwall.series;

/**
 * One metric's rollup points over a block, decoded: per point the count of samples it sums up
 * (0 where the metric had none) and their min, max and sum.
 */
final class Rollup {

	final int size;

	final int[] counts;

	final double[] min;

	final double[] max;

	final double[] sum;

	Rollup(int size) {
		this.size = size;
		this.counts = new int[size];
		this.min = new double[size];
		this.max = new double[size];
		this.sum = new double[size];
	}

}
