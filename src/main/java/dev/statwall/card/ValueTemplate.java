package dev.statwall.card;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A card's value text, in Wave's notation: {@code ={{usage}}%} is a template, anything without the
 * leading {@code =} is shown as written. A placeholder is {@code {{column}}}, {@code {{helper column}}}
 * with one of the {@link #HELPERS}, or {@code {{text name}}} for a text the node reports, such as
 * {@code system.os}. When any column it names is n/a, the whole text is {@code n/a}: half a value
 * would mislead.
 */
public final class ValueTemplate {

	public static final String NOT_AVAILABLE = "n/a";

	static final Map<String, DoubleFunction<String>> HELPERS = Map.of("number", Formats::number, "percent",
			Formats::percent, "bytes", Formats::bytes, "rate", Formats::rate, "bits", Formats::bits, "count",
			Formats::count, "duration", Formats::duration, "temp", Formats::temperature);

	private static final String TEXT = "text";

	private static final Pattern PLACEHOLDER = Pattern
		.compile("\\{\\{\\s*(?:([a-z]+)\\s+)?([A-Za-z0-9_.\\-/]+)\\s*}}");

	private static final ValueTemplate EMPTY = new ValueTemplate(List.of(new Part("", -1, null, null)));

	private final List<Part> parts;

	private ValueTemplate(List<Part> parts) {
		this.parts = parts;
	}

	public static ValueTemplate empty() {
		return EMPTY;
	}

	/** A helper by name, such as {@code bytes}; {@code number} for an unknown one. */
	static DoubleFunction<String> helper(String name) {
		return HELPERS.getOrDefault(name, Formats::number);
	}

	/**
	 * Parses a template against the columns it may name.
	 * @throws IllegalArgumentException naming the unknown column or helper
	 */
	public static ValueTemplate parse(String template, List<String> columns) {
		List<Part> parts = new ArrayList<>();
		if (!template.startsWith("=")) {
			parts.add(new Part(template, -1, null, null));
			return new ValueTemplate(parts);
		}
		String body = template.substring(1);
		Matcher matcher = PLACEHOLDER.matcher(body);
		int from = 0;
		while (matcher.find()) {
			String literal = body.substring(from, matcher.start());
			String helperName = (matcher.group(1) != null) ? matcher.group(1) : "number";
			String name = matcher.group(2);
			from = matcher.end();
			if (TEXT.equals(helperName)) {
				parts.add(new Part(literal, -1, null, name));
				continue;
			}
			DoubleFunction<String> helper = HELPERS.get(helperName);
			if (helper == null) {
				throw new IllegalArgumentException("unknown helper '" + helperName + "' in '" + template
						+ "'; helpers are " + new java.util.TreeSet<>(HELPERS.keySet()) + " and text");
			}
			int column = columns.indexOf(name);
			if (column < 0) {
				throw new IllegalArgumentException(
						"unknown column '" + name + "' in '" + template + "'; columns are " + columns);
			}
			parts.add(new Part(literal, column, helper, null));
		}
		String rest = body.substring(from);
		if (rest.contains("{{")) {
			throw new IllegalArgumentException("malformed placeholder in '" + template + "'");
		}
		parts.add(new Part(rest, -1, null, null));
		return new ValueTemplate(parts);
	}

	public String format(double[] values) {
		return format(values, Map.of());
	}

	public String format(double[] values, Map<String, String> texts) {
		StringBuilder text = new StringBuilder();
		for (Part part : this.parts) {
			text.append(part.literal());
			if (part.text() != null) {
				String value = texts.get(part.text());
				text.append((value != null && !value.isBlank()) ? value : NOT_AVAILABLE);
			}
			else if (part.column() >= 0 && part.helper() != null) {
				double value = values[part.column()];
				if (Double.isNaN(value)) {
					return NOT_AVAILABLE;
				}
				text.append(part.helper().apply(value));
			}
		}
		return text.toString();
	}

	private record Part(String literal, int column, @Nullable DoubleFunction<String> helper, @Nullable String text) {
	}

}
