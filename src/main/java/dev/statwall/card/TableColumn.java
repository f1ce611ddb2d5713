package dev.statwall.card;

import java.util.Locale;

/**
 * A column a table card shows, written {@code name} or {@code name:format} in configuration.
 *
 * @param name the column of the probe's table, such as {@code cpu}
 * @param format how cells are shown: {@code text}, a value-template helper, or {@code gauge}
 */
public record TableColumn(String name, String format) {

	static final String TEXT = "text";

	static final String GAUGE = "gauge";

	static TableColumn parse(String spec) {
		int colon = spec.indexOf(':');
		if (colon < 0) {
			return new TableColumn(spec.trim(), TEXT);
		}
		return new TableColumn(spec.substring(0, colon).trim(), spec.substring(colon + 1).trim().toLowerCase(Locale.ROOT));
	}

	public boolean numeric() {
		return !TEXT.equals(this.format);
	}

	public boolean gauge() {
		return GAUGE.equals(this.format);
	}

	/** A cell as shown; numbers through the same helpers as value templates. */
	public String show(Object cell) {
		if (cell instanceof Number number && numeric()) {
			double value = number.doubleValue();
			if (Double.isNaN(value)) {
				return ValueTemplate.NOT_AVAILABLE;
			}
			return gauge() ? Formats.percent(value) : ValueTemplate.helper(this.format).apply(value);
		}
		return String.valueOf(cell);
	}

}
