package dev.statwall.web;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What a page shows: live rows ({@code live}), the last hour, six hours... up to a year, or a
 * zoomed-in span between two instants. It is in the URL, so a link shows the same view:
 * {@code ?range=24h}, or {@code ?from=2026-12-01T06:00:00Z&to=2026-12-01T07:00:00Z}.
 *
 * @param name {@code live}, one of {@link #PRESETS}, or {@code zoom}
 * @param from the start, epoch milliseconds (0 when live)
 * @param to the end, epoch milliseconds (0 when live)
 */
public record TimeRange(String name, long from, long to) {

	public static final List<String> PRESETS = List.of("1h", "6h", "24h", "7d", "30d", "1y");

	public static final TimeRange LIVE = new TimeRange("live", 0, 0);

	private static final java.time.format.DateTimeFormatter ZOOM = java.time.format.DateTimeFormatter
		.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
		.withZone(java.time.ZoneOffset.UTC);

	private static final Pattern RELATIVE = Pattern.compile("-(\\d{1,9})(ms|s|m|h|d|w|y)");

	public boolean live() {
		return this.name.equals("live");
	}

	public boolean zoomed() {
		return this.name.equals("zoom");
	}

	/** The query string that shows this view, without the {@code ?}; empty for live. */
	public String query() {
		if (live()) {
			return "";
		}
		if (zoomed()) {
			return "from=" + Instant.ofEpochMilli(this.from) + "&to=" + Instant.ofEpochMilli(this.to);
		}
		return "range=" + this.name;
	}

	/** How the view reads in a title: "last 24 h", or the zoomed span. */
	public String label() {
		if (live()) {
			return "live";
		}
		if (zoomed()) {
			String from = ZOOM.format(Instant.ofEpochMilli(this.from));
			String to = ZOOM.format(Instant.ofEpochMilli(this.to));
			// the end's date only when it is another day
			return from + " – " + (to.substring(0, 10).equals(from.substring(0, 10)) ? to.substring(11) : to) + " UTC";
		}
		return "last " + this.name;
	}

	/**
	 * The view the request asks for.
	 * @throws IllegalArgumentException naming the parameter that is wrong
	 */
	public static TimeRange of(@Nullable String range, @Nullable String from, @Nullable String to, long now) {
		if (from != null || to != null) {
			if (range != null && !range.isBlank() && !range.equals("zoom")) {
				throw new IllegalArgumentException("give either 'range' or 'from' and 'to', not both");
			}
			long start = instant("from", (from != null) ? from : "-1h", now);
			long end = instant("to", (to != null) ? to : "now", now);
			if (end <= start) {
				throw new IllegalArgumentException("'to' (" + Instant.ofEpochMilli(end) + ") must be after 'from' ("
						+ Instant.ofEpochMilli(start) + ")");
			}
			return new TimeRange("zoom", start, end);
		}
		if (range == null || range.isBlank() || range.equals("live")) {
			return LIVE;
		}
		if (!PRESETS.contains(range)) {
			throw new IllegalArgumentException("'range' must be live or one of " + PRESETS + ", was '" + shown(range) + "'");
		}
		return new TimeRange(range, now - length(range).toMillis(), now);
	}

	/**
	 * An instant as a parameter gives it: ISO-8601 ({@code 2026-12-01T00:00:00Z}), {@code now},
	 * relative to now ({@code -24h}, {@code -30m}, {@code -7d}) or epoch milliseconds.
	 * @throws IllegalArgumentException naming the parameter
	 */
	public static long instant(String parameter, String value, long now) {
		String text = value.strip();
		if (text.equals("now")) {
			return now;
		}
		Matcher relative = RELATIVE.matcher(text);
		if (relative.matches()) {
			return now - length(relative.group(1) + relative.group(2)).toMillis();
		}
		if (text.matches("\\d{1,15}")) {
			return Long.parseLong(text);
		}
		try {
			return Instant.parse(text).toEpochMilli();
		}
		catch (DateTimeParseException | ArithmeticException ex) {
			throw new IllegalArgumentException("'" + parameter + "' must be an instant such as 2026-12-01T00:00:00Z, "
					+ "'now', a time before now such as -24h, -30m or -7d, or epoch milliseconds; was '" + shown(value)
					+ "'");
		}
	}

	private static Duration length(String text) {
		Matcher matcher = Pattern.compile("(\\d+)(ms|s|m|h|d|w|y)").matcher(text);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("not a length: " + text);
		}
		long amount = Long.parseLong(matcher.group(1));
		return switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
			case "ms" -> Duration.ofMillis(amount);
			case "s" -> Duration.ofSeconds(amount);
			case "m" -> Duration.ofMinutes(amount);
			case "h" -> Duration.ofHours(amount);
			case "d" -> Duration.ofDays(amount);
			case "w" -> Duration.ofDays(7 * amount);
			default -> Duration.ofDays(365 * amount);
		};
	}

	/** A parameter as a message may quote it: short, and printable. */
	static String shown(String value) {
		String printable = value.replaceAll("[^\\x20-\\x7E]", "?");
		return (printable.length() > 64) ? printable.substring(0, 64) + "…" : printable;
	}

}
