package dev.statwall.series;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * Turns readings into the arrays the store takes, keeping one names array while the metrics stay
 * the same: the store maps a names array to its columns once. One per writer thread.
 */
public final class SampleNames {

	private String[] names = new String[0];

	public String[] of(Set<String> keys) {
		if (keys.size() == this.names.length) {
			boolean same = true;
			for (String name : this.names) {
				if (!keys.contains(name)) {
					same = false;
					break;
				}
			}
			if (same) {
				return this.names;
			}
		}
		String[] sorted = keys.toArray(new String[0]);
		Arrays.sort(sorted);
		this.names = sorted;
		return sorted;
	}

	public static double[] values(String[] names, Map<String, Double> values) {
		double[] array = new double[names.length];
		for (int i = 0; i < names.length; i++) {
			Double value = values.get(names[i]);
			array[i] = (value != null) ? value : Double.NaN;
		}
		return array;
	}

}
