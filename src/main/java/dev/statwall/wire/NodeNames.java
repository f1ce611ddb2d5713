package dev.statwall.wire;

import java.util.regex.Pattern;

/**
 * Node names go into URLs, STOMP destinations and buffer names, so only a safe alphabet is
 * accepted: a letter or digit first, then letters, digits, {@code .}, {@code _} and {@code -}, at
 * most 63 characters in all (a DNS label's length).
 */
public final class NodeNames {

	public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,62}";

	private static final Pattern VALID = Pattern.compile(PATTERN);

	private NodeNames() {
	}

	public static boolean isValid(String name) {
		return VALID.matcher(name).matches();
	}

	/** Why {@code name} is not a node name, for a 400 answer or a start-up error. */
	public static String problem(String name) {
		if (name.isEmpty()) {
			return "a node name must not be empty";
		}
		if (name.length() > 63) {
			return "a node name has at most 63 characters, this one has " + name.length();
		}
		return "node name '" + printable(name)
				+ "' must start with a letter or digit and contain only letters, digits, '.', '_' and '-'";
	}

	/**
	 * The name, when it is a node name.
	 * @throws IllegalArgumentException saying why, when {@code name} is not a node name
	 */
	public static String require(String name) {
		if (!isValid(name)) {
			throw new IllegalArgumentException(problem(name));
		}
		return name;
	}

	/** Control characters would end up in logs and answers as they are. */
	static String printable(String text) {
		StringBuilder out = new StringBuilder(Math.min(text.length(), 80));
		text.codePoints().limit(80).forEach((c) -> {
			if (Character.isISOControl(c)) {
				out.append(String.format("\\u%04x", c));
			}
			else {
				out.appendCodePoint(c);
			}
		});
		return (text.length() > 80) ? out + "…" : out.toString();
	}

}
