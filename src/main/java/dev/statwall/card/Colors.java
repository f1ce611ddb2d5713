package dev.statwall.card;

import java.util.Locale;

/** Wave's named palette; cards accept these names, with or without Wave's {@code $}, or a hex colour. */
final class Colors {

	static final String NAMES = "red, orange, amber, yellow, lime, green, mint, teal, cyan, azure, blue, indigo, purple, violet, pink, gray";

	static final String PATTERN = "\\$?(red|orange|amber|yellow|lime|green|mint|teal|cyan|azure|blue|indigo|purple|violet|pink|gray)|#[0-9a-fA-F]{6}";

	private Colors() {
	}

	/** A CSS value: a theme variable for names, so dark mode can adjust them. */
	static String css(String color) {
		if (color.startsWith("#")) {
			return color;
		}
		return "var(--" + color.replace("$", "").toLowerCase(Locale.ROOT) + ")";
	}

}
