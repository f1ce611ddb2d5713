package dev.statwall.sampling;

import java.util.Map;

/**
 * What one read of the system returned.
 *
 * @param values numbers by metric name; {@code NaN} when this read could not get one
 * @param texts strings by name, such as {@code system.os}
 * @param tables tables by name, such as {@code processes.top}
 */
public record Reading(Map<String, Double> values, Map<String, String> texts, Map<String, Table> tables) {

	public double value(String metric) {
		Double value = this.values.get(metric);
		return (value != null) ? value : Double.NaN;
	}

}
