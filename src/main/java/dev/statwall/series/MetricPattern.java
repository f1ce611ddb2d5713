package dev.statwall.series;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A metric name, or a pattern with one {@code *} that matches one or more characters, as cards,
 * alerts and the history API take them: {@code fs.*.usage} is every file system's usage.
 *
 * @param text the pattern as written
 */
public record MetricPattern(String text) {

	public boolean isPattern() {
		return this.text.contains("*");
	}

	/** The part the {@code *} matched, or null when the name does not match; "" for a plain name that equals it. */
	public @Nullable String capture(String metric) {
		if (!isPattern()) {
			return this.text.equals(metric) ? "" : null;
		}
		Matcher matcher = regex().matcher(metric);
		return matcher.matches() ? matcher.group(1) : null;
	}

	/** The names of {@code metrics} this matches, in their order. */
	public List<String> matching(List<String> metrics) {
		List<String> matching = new ArrayList<>();
		for (String metric : metrics) {
			if (capture(metric) != null) {
				matching.add(metric);
			}
		}
		return matching;
	}

	private Pattern regex() {
		int star = this.text.indexOf('*');
		return Pattern.compile(Pattern.quote(this.text.substring(0, star)) + "(.+)"
				+ Pattern.quote(this.text.substring(star + 1).replace("*", "")));
	}

}
