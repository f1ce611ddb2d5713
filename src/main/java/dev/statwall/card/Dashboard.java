package dev.statwall.card;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.statwall.card.DashboardProperties.Card;
import dev.statwall.card.DashboardProperties.Page;
import dev.statwall.sampling.Metric;

/**
 * Every configured page with its cards, checked against the metrics this node reports. Anything
 * that binds but cannot work stops start-up here with the key that is wrong.
 */
public final class Dashboard {

	private final List<PageDefinition> pages;

	private final Map<String, PageDefinition> byPath = new HashMap<>();

	private final Map<String, CardDefinition> cardsById = new HashMap<>();

	public Dashboard(DashboardProperties properties, List<Metric> metrics) {
		Set<String> known = new HashSet<>();
		metrics.forEach((metric) -> known.add(metric.name()));
		List<PageDefinition> pages = new ArrayList<>();
		Set<String> slugs = new HashSet<>();
		for (int p = 0; p < properties.pages().size(); p++) {
			Page page = properties.pages().get(p);
			String key = "statwall.pages[" + p + "]";
			if (this.byPath.containsKey(page.path())) {
				throw new InvalidConfigurationException(key + ".path", "'" + page.path() + "' is used by another page");
			}
			String slug = slug(page.path());
			if (!slugs.add(slug)) {
				throw new InvalidConfigurationException(key + ".path",
						"'" + page.path() + "' clashes with another page's path");
			}
			List<CardDefinition> cards = new ArrayList<>();
			Set<String> names = new HashSet<>();
			for (int c = 0; c < page.cards().size(); c++) {
				Card card = page.cards().get(c);
				String cardKey = key + ".cards[" + c + "]";
				if (!names.add(card.name())) {
					throw new InvalidConfigurationException(cardKey + ".name",
							"duplicate card name '" + card.name() + "' on page '" + page.path() + "'");
				}
				cards.add(define(slug, card, cardKey, known));
			}
			PageDefinition definition = new PageDefinition(page.path(), slug, page.title(), List.copyOf(cards));
			pages.add(definition);
			this.byPath.put(page.path(), definition);
			definition.cards().forEach((card) -> this.cardsById.put(card.id(), card));
		}
		this.pages = List.copyOf(pages);
	}

	public List<PageDefinition> pages() {
		return this.pages;
	}

	public Optional<PageDefinition> page(String path) {
		return Optional.ofNullable(this.byPath.get(path));
	}

	public Optional<CardDefinition> card(String id) {
		return Optional.ofNullable(this.cardsById.get(id));
	}

	private static CardDefinition define(String slug, Card card, String key, Set<String> known) {
		String metric = card.metric();
		if (metric == null || metric.isBlank()) {
			throw new InvalidConfigurationException(key + ".metric",
					"a " + card.type().name().toLowerCase() + " card needs a metric, such as cpu.usage");
		}
		boolean available = known.contains(metric);
		if (!available && !card.optional()) {
			throw new InvalidConfigurationException(key + ".metric", "unknown metric '" + metric
					+ "' on this node; mark the card 'optional: true' to show n/a instead. Known metrics: "
					+ new TreeSet<>(known));
		}
		List<String> columns = List.of(column(metric));
		String template = card.value().isBlank() ? "={{" + columns.get(0) + "}}" : card.value();
		ValueTemplate value;
		try {
			value = ValueTemplate.parse(template, columns);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationException(key + ".value", ex.getMessage());
		}
		return new CardDefinition(slug + "." + card.name(), card.name(), card.type(), card.box(), card.title(), value,
				List.of(metric), columns, card.buffer(), Colors.css(card.color()), available);
	}

	/** {@code cpu.usage} has the column {@code usage}, as the tutorial's {@code 'tick usage'}. */
	static String column(String metric) {
		String last = metric.substring(metric.lastIndexOf('.') + 1);
		return last.replaceAll("[^A-Za-z0-9_]", "_");
	}

	static String slug(String path) {
		return path.equals("/") ? "home" : path.substring(1).replace('/', '-');
	}

}
