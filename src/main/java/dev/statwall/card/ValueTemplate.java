package dev.statwall.card;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.regex.Matcher;

/**
 * A card's value text, in Wave's notation: {@code ={{usage}}%} is a template, anything without the
 * leading {@code =} is shown as written. A placeholder is {@code {{column}}} or
 * {@code {{helper column}}} with one of the {@link #HELPERS}. When any column it names is n/a, the
 * whole text is {@code n/a}: half a value would mislead.
 */
public final class ValueTemplate {

	public static final String NOT_AVAILABLE = "n/a";

	static final Map<String, DoubleFunction<String>> HELPERS = Map.of("number", Formats::number, "percent",
			Formats::percent, "bytes", Formats::bytes, "rate", Formats::rate, "bits", Formats::bits, "count",
			Formats::count, "duration", Formats::duration, "temp", Formats::temperature);

	private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern
		.compile("\\{\\{\\s*(?:([a-z]+)\\s+)?([A-Za-z0-9_]+)\\s*}}");

	private final List<Part> parts;

	private ValueTemplate(List<Part> parts) {
		this.parts = parts;
	}

	/**
	 * Parses a template against the columns it may name.
	 * @throws IllegalArgumentException naming the unknown column or helper
	 */
	public static ValueTemplate parse(String template, List<String> columns) {
		List<Part> parts = new ArrayList<>();
		if (!template.startsWith("=")) {
			parts.add(new Part(template, -1, Formats::number));
			return new ValueTemplate(parts);
		}
		String body = template.substring(1);
		Matcher matcher = PLACEHOLDER.matcher(body);
		int from = 0;
		while (matcher.find()) {
			String helperName = (matcher.group(1) != null) ? matcher.group(1) : "number";
			DoubleFunction<String> helper = HELPERS.get(helperName);
			if (helper == null) {
				throw new IllegalArgumentException(
						"unknown helper '" + helperName + "' in '" + template + "'; helpers are " + HELPERS.keySet());
			}
			int column = columns.indexOf(matcher.group(2));
			if (column < 0) {
				throw new IllegalArgumentException(
						"unknown column '" + matcher.group(2) + "' in '" + template + "'; columns are " + columns);
			}
			parts.add(new Part(body.substring(from, matcher.start()), column, helper));
			from = matcher.end();
		}
		String rest = body.substring(from);
		if (rest.contains("{{")) {
			throw new IllegalArgumentException("malformed placeholder in '" + template + "'");
		}
		parts.add(new Part(rest, -1, Formats::number));
		return new ValueTemplate(parts);
	}

	public String format(double[] values) {
		StringBuilder text = new StringBuilder();
		for (Part part : this.parts) {
			text.append(part.literal());
			if (part.column() >= 0) {
				double value = values[part.column()];
				if (Double.isNaN(value)) {
					return NOT_AVAILABLE;
				}
				text.append(part.helper().apply(value));
			}
		}
		return text.toString();
	}

	private record Part(String literal, int column, DoubleFunction<String> helper) {
	}

}
