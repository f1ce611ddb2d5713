package dev.statwall.live;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The only destinations a live client may subscribe to. A feature that pushes something new
 * (alerts, history) adds its destination here, one line; everything else is refused.
 */
final class LiveDestinations {

	/** {@code {node}} and {@code {card}} stand for one name: letters, digits, {@code .}, {@code _}, {@code -}. */
	static final List<String> SUBSCRIBABLE = List.of(
			"/topic/cards/{node}/{card}",
			"/topic/tables/{node}/{card}",
			"/topic/overview",
			"/user/queue/overview",
			"/topic/alerts",
			"/app/cards/{node}/{card}",
			"/app/tables/{node}/{card}");

	/** A node name is at most 63 characters, a card id a page slug, a dot and a card name. */
	private static final String NAME = "[A-Za-z0-9._-]{1,200}";

	private static final Pattern ALLOWED = compile(SUBSCRIBABLE);

	private LiveDestinations() {
	}

	static boolean isSubscribable(@Nullable String destination) {
		return destination != null && destination.length() <= 512 && ALLOWED.matcher(destination).matches();
	}

	/** Literal text quoted, each {@code {variable}} one name: no wildcards, no second path segment. */
	static Pattern compile(List<String> templates) {
		StringBuilder regex = new StringBuilder();
		Pattern variable = Pattern.compile("\\{[a-z]+\\}");
		for (String template : templates) {
			regex.append(regex.isEmpty() ? "" : "|").append("(?:");
			Matcher matcher = variable.matcher(template);
			int from = 0;
			while (matcher.find()) {
				regex.append(Pattern.quote(template.substring(from, matcher.start()))).append(NAME);
				from = matcher.end();
			}
			regex.append(Pattern.quote(template.substring(from))).append(')');
		}
		return Pattern.compile(regex.toString());
	}

}
