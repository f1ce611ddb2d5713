package dev.statwall.sampling;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * What the areas put while one read is in progress; becomes a {@link Reading}. Every value is
 * rounded here to its unit's decimals ({@link Unit#round}), once, for every area.
 */
final class Readout {

	private final Map<String, Double> values;

	/** Units by metric name, kept from read to read by the probe: names repeat, so this is a lookup. */
	private final Map<String, Unit> units;

	private final Map<String, String> texts = new HashMap<>(8);

	private final Map<String, Table> tables = new HashMap<>(4);

	Readout(int expectedValues) {
		this(expectedValues, new HashMap<>());
	}

	Readout(int expectedValues, Map<String, Unit> units) {
		this.values = new HashMap<>(Math.max(16, expectedValues * 4 / 3 + 1));
		this.units = units;
	}

	void value(String metric, double value) {
		this.values.put(metric, this.units.computeIfAbsent(metric, Metric::unitOf).round(value));
	}

	void text(String name, String text) {
		this.texts.put(name, text);
	}

	void table(String name, Table table) {
		this.tables.put(name, table);
	}

	Reading toReading() {
		return new Reading(Collections.unmodifiableMap(this.values), Collections.unmodifiableMap(this.texts),
				Collections.unmodifiableMap(this.tables));
	}

}
