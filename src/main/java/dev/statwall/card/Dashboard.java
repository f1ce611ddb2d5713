package dev.statwall.card;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.statwall.card.DashboardProperties.Card;
import dev.statwall.card.DashboardProperties.Page;
import dev.statwall.role.InvalidConfigurationException;
import dev.statwall.sampling.Metric;
import dev.statwall.sampling.Unit;

/**
 * Every configured page with its cards, checked against the metrics this node reports. Anything
 * that binds but cannot work stops start-up here with the key that is wrong.
 */
public final class Dashboard {

	private final DashboardProperties properties;

	private final List<PageDefinition> pages;

	private final Map<String, PageDefinition> byPath = new HashMap<>();

	private final Map<String, CardDefinition> cardsById = new HashMap<>();

	public Dashboard(DashboardProperties properties, List<Metric> metrics) {
		this.properties = properties;
		Map<String, Metric> known = new HashMap<>();
		metrics.forEach((metric) -> known.put(metric.name(), metric));
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

	/**
	 * The same pages for another node, such as an agent of a hub: {@code *} series expand to that
	 * node's own cores, disks and interfaces, and a metric it lacks shows n/a instead of failing.
	 */
	public Dashboard forNode(List<Metric> metrics) {
		List<Page> pages = new ArrayList<>();
		for (Page page : this.properties.pages()) {
			pages.add(new Page(page.path(), page.title(), page.cards().stream().map(Card::asOptional).toList()));
		}
		return new Dashboard(new DashboardProperties(pages), metrics);
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

	private static CardDefinition define(String slug, Card card, String key, Map<String, Metric> known) {
		String id = slug + "." + card.name();
		if (card.type() == CardType.MARKDOWN || card.type() == CardType.HEADER) {
			return new CardDefinition(id, card.name(), card.type(), card.box(), card.title(), ValueTemplate.empty(),
					ValueTemplate.empty(), ValueTemplate.empty(), List.of(), List.of(), -1, card.max(), 1,
					Colors.css(card.color()), card.plotType(), card.plotCurve(), true, null, List.of(), null, false,
					card.content());
		}
		if (card.type().isTable()) {
			return defineTable(id, card, key);
		}
		Columns columns = new Columns(known, card.optional());
		String metric = card.metric();
		if ((metric == null || metric.isBlank()) && card.series().isEmpty()) {
			throw new InvalidConfigurationException(key + ".metric", "a " + card.type().name().toLowerCase(Locale.ROOT)
					+ " card needs a metric (such as cpu.usage) or series");
		}
		if (metric != null && !metric.isBlank()) {
			columns.add(metric, key + ".metric");
		}
		List<Integer> plotted = new ArrayList<>();
		for (int i = 0; i < card.series().size(); i++) {
			plotted.addAll(columns.add(card.series().get(i), key + ".series[" + i + "]"));
		}
		if (plotted.isEmpty() && !columns.list.isEmpty()) {
			plotted.add(0);
		}
		for (int i = 0; i < card.data().size(); i++) {
			columns.add(card.data().get(i), key + ".data[" + i + "]");
		}
		int maxColumn = -1;
		if (card.maxMetric() != null && !card.maxMetric().isBlank()) {
			List<Integer> added = columns.add(card.maxMetric(), key + ".max-metric");
			maxColumn = added.isEmpty() ? -1 : added.get(0);
		}
		List<String> names = columns.list.stream().map(Column::name).toList();
		String defaultValue = names.isEmpty() ? "" : "={{" + names.get(0) + "}}";
		ValueTemplate value = template(card.value().isBlank() ? defaultValue : card.value(), names, key + ".value");
		ValueTemplate aux = template(card.auxValue(), names, key + ".aux-value");
		ValueTemplate caption = template(card.caption(), names, key + ".caption");
		return new CardDefinition(id, card.name(), card.type(), card.box(), card.title(), value, aux, caption,
				List.copyOf(columns.list), List.copyOf(plotted), maxColumn, card.max(), card.buffer(),
				Colors.css(card.color()), card.plotType(), card.plotCurve(), columns.available(), null, List.of(), null,
				false, "");
	}

	private static CardDefinition defineTable(String id, Card card, String key) {
		if (card.table() == null || card.table().isBlank()) {
			throw new InvalidConfigurationException(key + ".table", "a table card needs a table, such as processes.top");
		}
		if (card.columns().isEmpty()) {
			throw new InvalidConfigurationException(key + ".columns",
					"a table card needs columns, such as [pid, name, cpu:percent]");
		}
		List<TableColumn> columns = new ArrayList<>();
		for (int i = 0; i < card.columns().size(); i++) {
			TableColumn column = TableColumn.parse(card.columns().get(i));
			if (column.numeric() && !column.gauge() && !ValueTemplate.HELPERS.containsKey(column.format())) {
				throw new InvalidConfigurationException(key + ".columns[" + i + "]", "unknown format '"
						+ column.format() + "'; formats are text, gauge and " + new TreeSet<>(ValueTemplate.HELPERS.keySet()));
			}
			columns.add(column);
		}
		String sort = card.sort();
		boolean descending = false;
		if (sort != null && sort.startsWith("-")) {
			descending = true;
			sort = sort.substring(1);
		}
		String sortColumn = sort;
		if (sortColumn != null && columns.stream().noneMatch((column) -> column.name().equals(sortColumn))) {
			throw new InvalidConfigurationException(key + ".sort",
					"'" + sortColumn + "' is not one of the card's columns " + card.columns());
		}
		return new CardDefinition(id, card.name(), card.type(), card.box(), card.title(), ValueTemplate.empty(),
				ValueTemplate.empty(), ValueTemplate.empty(), List.of(), List.of(), -1, card.max(), card.buffer(),
				Colors.css(card.color()), card.plotType(), card.plotCurve(), true, card.table(), List.copyOf(columns),
				sortColumn, descending, "");
	}

	private static ValueTemplate template(String template, List<String> columns, String key) {
		try {
			return ValueTemplate.parse(template, columns);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationException(key, String.valueOf(ex.getMessage()));
		}
	}

	/** A card's columns as they are added, with names that stay unique. */
	private static final class Columns {

		private final Map<String, Metric> known;

		private final boolean optional;

		private final List<Column> list = new ArrayList<>();

		Columns(Map<String, Metric> known, boolean optional) {
			this.known = known;
			this.optional = optional;
		}

		/** Adds a metric or a {@code *} pattern; returns the indexes of the columns added. */
		List<Integer> add(String metric, String key) {
			List<Integer> added = new ArrayList<>();
			if (metric.contains("*")) {
				Pattern pattern = Pattern.compile(Pattern.quote(metric).replace("*", "\\E(.+)\\Q"));
				List<String[]> matches = new ArrayList<>();
				for (String name : this.known.keySet()) {
					Matcher matcher = pattern.matcher(name);
					if (matcher.matches()) {
						matches.add(new String[] { name, matcher.group(1) });
					}
				}
				if (matches.isEmpty()) {
					missing(metric, key);
					return added;
				}
				matches.sort((a, b) -> NATURAL.compare(a[1], b[1]));
				String before = metric.substring(0, metric.indexOf('*'));
				String prefix = before.endsWith(".") ? column(before.substring(0, before.length() - 1)) : "";
				for (String[] match : matches) {
					String capture = match[1];
					String name = Character.isDigit(capture.charAt(0)) ? prefix + capture : capture;
					String label = Character.isDigit(capture.charAt(0)) ? prefix + " " + capture : capture;
					added.add(put(name, label, match[0]));
				}
				return added;
			}
			if (!this.known.containsKey(metric)) {
				missing(metric, key);
			}
			String name = column(metric);
			String[] parts = metric.split("\\.");
			if (names().contains(name) && parts.length > 1) {
				// threads.count beside processes.count: the part before says which count it is
				name = parts[parts.length - 2].replaceAll("[^A-Za-z0-9_]", "_");
			}
			added.add(put(name, name, metric));
			return added;
		}

		private int put(String name, String label, String metric) {
			String unique = name.replaceAll("[^A-Za-z0-9_]", "_");
			if (unique.isEmpty() || unique.chars().allMatch((c) -> c == '_')) {
				unique = "root";
			}
			int suffix = 2;
			String candidate = unique;
			while (names().contains(candidate)) {
				candidate = unique + "_" + suffix++;
			}
			Metric known = this.known.get(metric);
			this.list.add(new Column(candidate, label, metric, (known != null) ? known.unit() : Unit.COUNT));
			return this.list.size() - 1;
		}

		private List<String> names() {
			return this.list.stream().map(Column::name).toList();
		}

		/**
		 * Whether the card has something to show: its first column, the metric its value is made of.
		 * A node that lacks only some of the rest (a simulated node without core counts) still shows
		 * it; a template that names a missing column says n/a by itself.
		 */
		boolean available() {
			return !this.list.isEmpty() && this.known.containsKey(this.list.get(0).metric());
		}

		private void missing(String metric, String key) {
			if (!this.optional) {
				throw new InvalidConfigurationException(key, "unknown metric '" + metric
						+ "' on this node; mark the card 'optional: true' to show n/a instead. Known metrics: "
						+ abbreviated(this.known.keySet()));
			}
		}

	}

	private static String abbreviated(Set<String> names) {
		List<String> sorted = new ArrayList<>(new TreeSet<>(names));
		return (sorted.size() <= 40) ? sorted.toString()
				: sorted.subList(0, 40) + " and " + (sorted.size() - 40) + " more";
	}

	/** Orders {@code core 2} before {@code core 10}. */
	private static final java.util.Comparator<String> NATURAL = (a, b) -> {
		String[] left = a.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
		String[] right = b.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
		for (int i = 0; i < Math.min(left.length, right.length); i++) {
			int order = (Character.isDigit(left[i].charAt(0)) && Character.isDigit(right[i].charAt(0)))
					? new java.math.BigInteger(left[i]).compareTo(new java.math.BigInteger(right[i]))
					: left[i].compareTo(right[i]);
			if (order != 0) {
				return order;
			}
		}
		return Integer.compare(left.length, right.length);
	};

	/** {@code cpu.usage} has the column {@code usage}, as the tutorial's {@code 'tick usage'}. */
	static String column(String metric) {
		String last = metric.substring(metric.lastIndexOf('.') + 1);
		return last.replaceAll("[^A-Za-z0-9_]", "_");
	}

	static String slug(String path) {
		return path.equals("/") ? "home" : path.substring(1).replace('/', '-');
	}

}
