package dev.statwall.sampling;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** What the areas put while one read is in progress; becomes a {@link Reading}. */
final class Readout {

	private final Map<String, Double> values;

	private final Map<String, String> texts = new HashMap<>(8);

	private final Map<String, Table> tables = new HashMap<>(4);

	Readout(int expectedValues) {
		this.values = new HashMap<>(Math.max(16, expectedValues * 4 / 3 + 1));
	}

	void value(String metric, double value) {
		this.values.put(metric, value);
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
