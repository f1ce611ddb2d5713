package dev.statwall.sampling;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Shell-style patterns such as {@code veth*} for names of interfaces, mounts and types. */
public final class Glob {

	private Glob() {
	}

	/** Matches a name, ignoring case, against any of the patterns; none matches nothing. */
	static Predicate<String> anyOf(List<String> patterns) {
		if (patterns.isEmpty()) {
			return (name) -> false;
		}
		StringBuilder regex = new StringBuilder();
		for (String pattern : patterns) {
			if (regex.length() > 0) {
				regex.append('|');
			}
			regex.append("(?:");
			regex.append(regex(pattern.trim()));
			regex.append(')');
		}
		Pattern compiled = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
		return (name) -> compiled.matcher(name.toLowerCase(Locale.ROOT)).matches();
	}

	/** One pattern as a regular expression: {@code *} any characters, {@code ?} one, the rest literal. */
	public static String regex(String glob) {
		StringBuilder regex = new StringBuilder();
		StringBuilder literal = new StringBuilder();
		for (char c : glob.toCharArray()) {
			if (c == '*' || c == '?') {
				if (literal.length() > 0) {
					regex.append(Pattern.quote(literal.toString()));
					literal.setLength(0);
				}
				regex.append((c == '*') ? ".*" : ".");
			}
			else {
				literal.append(c);
			}
		}
		if (literal.length() > 0) {
			regex.append(Pattern.quote(literal.toString()));
		}
		return regex.toString();
	}

}
