package dev.statwall.alert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.statwall.alert.AlertProperties.Rule;
import dev.statwall.card.ValueTemplate;
import dev.statwall.role.InvalidConfigurationException;
import dev.statwall.sampling.Glob;
import dev.statwall.series.MetricPattern;

/**
 * The rules in force: the built-in {@code node_offline}, the bundled ones, and the user's, merged by
 * name and checked. Anything that binds but cannot work stops start-up naming its key, such as
 * {@code statwall.alerts.rules[2].window}.
 */
public final class AlertRules {

	static final String PREFIX = "statwall.alerts.rules";

	/**
	 * Windows are read from the per-minute history, so they are whole minutes: one read per window a
	 * minute. Reading every sample instead cost 20 times as much (docs/benchmarks.md).
	 */
	static final long MINUTE = 60_000;

	static final Duration MAX_WINDOW = Duration.ofDays(1);

	/** Placeholders written without a helper that are texts, not columns. */
	private static final Pattern TEXTS = Pattern.compile("\\{\\{\\s*(node|match|mount|interface|disk|core|fan)\\s*}}");

	private final List<AlertRule> rules;

	private AlertRules(List<AlertRule> rules) {
		this.rules = List.copyOf(rules);
	}

	public List<AlertRule> all() {
		return this.rules;
	}

	/**
	 * Merges and checks the rules.
	 * @param offlineAfter the hub's {@code statwall.hub.offline-after}: {@code node_offline}'s threshold
	 * @throws InvalidConfigurationException naming the key that is wrong
	 */
	public static AlertRules of(AlertProperties properties, Duration offlineAfter) {
		if (!properties.enabled()) {
			return new AlertRules(List.of());
		}
		checkSettings(properties);
		// name → (rule, key of the rule that set it last)
		Map<String, Rule> merged = new LinkedHashMap<>();
		Map<String, String> keys = new HashMap<>();
		merged.put(DefaultRules.NODE_OFFLINE, DefaultRules.OFFLINE);
		keys.put(DefaultRules.NODE_OFFLINE, "statwall.alerts (built-in node_offline)");
		if (properties.defaultRules()) {
			for (Rule rule : DefaultRules.BUNDLED) {
				merged.put(rule.name(), rule);
				keys.put(rule.name(), "statwall.alerts.default-rules (" + rule.name() + ")");
			}
		}
		Map<String, Integer> seen = new HashMap<>();
		for (int i = 0; i < properties.rules().size(); i++) {
			Rule rule = properties.rules().get(i);
			String key = PREFIX + "[" + i + "]";
			Integer before = seen.put(rule.name(), i);
			if (before != null) {
				throw new InvalidConfigurationException(key + ".name", "duplicate rule name '" + rule.name()
						+ "', also " + PREFIX + "[" + before + "]; to change a rule, change that one");
			}
			Rule existing = merged.get(rule.name());
			merged.put(rule.name(), (existing != null) ? existing.with(rule) : rule);
			keys.put(rule.name(), key);
		}
		List<AlertRule> compiled = new ArrayList<>();
		for (Rule rule : merged.values()) {
			if (Boolean.FALSE.equals(rule.enabled())) {
				continue;
			}
			compiled.add(compile(rule, keys.getOrDefault(rule.name(), PREFIX), offlineAfter));
		}
		return new AlertRules(compiled);
	}

	private static void checkSettings(AlertProperties properties) {
		positive("statwall.alerts.history", properties.history());
		positive("statwall.alerts.retry-initial", properties.retryInitial());
		positive("statwall.alerts.retry-max", properties.retryMax());
		positive("statwall.alerts.timeout", properties.timeout());
		positive("statwall.alerts.alertmanager.resend-interval", properties.alertmanager().resendInterval());
		for (int i = 0; i < properties.alertmanager().urls().size(); i++) {
			Receivers.checkUrl("statwall.alerts.alertmanager.urls[" + i + "]", properties.alertmanager().urls().get(i));
		}
		for (int i = 0; i < properties.webhooks().size(); i++) {
			Receivers.checkUrl("statwall.alerts.webhooks[" + i + "].url", properties.webhooks().get(i).url());
		}
		if (properties.externalUrl() != null) {
			Receivers.checkUrl("statwall.alerts.external-url", properties.externalUrl());
		}
	}

	private static void positive(String key, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new InvalidConfigurationException(key, "must be positive, was " + value);
		}
	}

	static AlertRule compile(Rule rule, String key, Duration offlineAfter) {
		String nodes = (rule.nodes() != null && !rule.nodes().isBlank()) ? rule.nodes().strip() : "*";
		Duration holdFor = (rule.holdFor() != null) ? rule.holdFor() : Duration.ZERO;
		if (holdFor.isNegative()) {
			throw new InvalidConfigurationException(key + ".for", "must not be negative, was " + holdFor);
		}
		Severity severity = (rule.severity() != null) ? rule.severity() : Severity.WARNING;
		if (DefaultRules.NODE_OFFLINE.equals(rule.name())) {
			return offline(rule, key, nodes, holdFor, severity, offlineAfter);
		}
		String metric = rule.metric();
		if (metric == null || metric.isBlank()) {
			throw new InvalidConfigurationException(key + ".metric",
					"rule '" + rule.name() + "' needs a metric, such as memory.usage or fs.*.usage");
		}
		metric = metric.strip();
		if (metric.indexOf('*') != metric.lastIndexOf('*')) {
			throw new InvalidConfigurationException(key + ".metric",
					"'" + metric + "' has more than one '*'; one '*' matches one part, such as fs.*.usage");
		}
		if (rule.above() != null && rule.below() != null) {
			throw new InvalidConfigurationException(key + ".below",
					"rule '" + rule.name() + "' has both above and below; give one (a second rule can watch the other side)");
		}
		if (rule.above() == null && rule.below() == null) {
			throw new InvalidConfigurationException(key + ".above",
					"rule '" + rule.name() + "' needs a condition: above or below a number");
		}
		boolean above = rule.above() != null;
		double threshold = above ? finite(key + ".above", rule.above()) : finite(key + ".below", rule.below());
		double clear = threshold;
		if (above && rule.clearAbove() != null) {
			throw new InvalidConfigurationException(key + ".clear-above",
					"clear-above goes with below; an above rule clears with clear-below");
		}
		if (!above && rule.clearBelow() != null) {
			throw new InvalidConfigurationException(key + ".clear-below",
					"clear-below goes with above; a below rule clears with clear-above");
		}
		if (above && rule.clearBelow() != null) {
			clear = finite(key + ".clear-below", rule.clearBelow());
			if (clear > threshold) {
				throw new InvalidConfigurationException(key + ".clear-below", "must not be above 'above' (" + number(threshold)
						+ "), was " + number(clear) + ": it is where a firing alert resolves, on the way down");
			}
		}
		if (!above && rule.clearAbove() != null) {
			clear = finite(key + ".clear-above", rule.clearAbove());
			if (clear < threshold) {
				throw new InvalidConfigurationException(key + ".clear-above", "must not be below 'below' (" + number(threshold)
						+ "), was " + number(clear) + ": it is where a firing alert resolves, on the way up");
			}
		}
		WindowFunction function = (rule.function() != null) ? rule.function() : WindowFunction.LAST;
		long window = window(rule, key, function);
		String captureLabel = AlertRule.captureLabel(metric);
		String column = column(metric);
		String summary = (rule.summary() != null && !rule.summary().isBlank()) ? rule.summary()
				: defaultSummary(metric, above, threshold, column);
		ValueTemplate template = template(key + ".summary", summary, column);
		return new AlertRule(rule.name(), key, new MetricPattern(metric), glob(nodes), above, threshold, clear, window,
				function, holdFor.toMillis(), severity, template, captureLabel);
	}

	private static AlertRule offline(Rule rule, String key, String nodes, Duration holdFor, Severity severity,
			Duration offlineAfter) {
		String[][] fixed = { { "metric", rule.metric() }, { "above", string(rule.above()) },
				{ "below", string(rule.below()) }, { "window", string(rule.window()) },
				{ "function", string(rule.function()) }, { "clear-below", string(rule.clearBelow()) },
				{ "clear-above", string(rule.clearAbove()) } };
		for (String[] setting : fixed) {
			if (setting[1] != null) {
				throw new InvalidConfigurationException(key + "." + setting[0], "node_offline watches silence, not a metric: "
						+ "it fires after statwall.hub.offline-after without a sample; set that instead of " + setting[0]);
			}
		}
		String summary = (rule.summary() != null && !rule.summary().isBlank()) ? rule.summary()
				: DefaultRules.OFFLINE.summary();
		ValueTemplate template = template(key + ".summary", (summary != null) ? summary : "{{node}} is offline", "silence");
		double seconds = offlineAfter.toMillis() / 1000.0;
		return new AlertRule(rule.name(), key, null, glob(nodes), true, seconds, seconds, 0, WindowFunction.LAST,
				holdFor.toMillis(), severity, template, "match");
	}

	private static long window(Rule rule, String key, WindowFunction function) {
		Duration window = rule.window();
		if (window == null || window.isZero()) {
			if (function != WindowFunction.LAST) {
				throw new InvalidConfigurationException(key + ".function", function.name().toLowerCase(Locale.ROOT)
						+ " needs a window, such as 'window: 5m'; without one the rule looks at the newest value (last)");
			}
			return 0;
		}
		if (window.isNegative()) {
			throw new InvalidConfigurationException(key + ".window", "must be positive, was " + window);
		}
		if (window.compareTo(MAX_WINDOW) > 0) {
			throw new InvalidConfigurationException(key + ".window", "at most " + MAX_WINDOW.toHours() + "h, was " + window);
		}
		long millis = window.toMillis();
		if (millis < MINUTE || millis % MINUTE != 0) {
			throw new InvalidConfigurationException(key + ".window", "a window is read from the per-minute history, so it "
					+ "is whole minutes, such as 5m; was " + window + ". For less, use 'for': how long the newest value must "
					+ "stay beyond the threshold");
		}
		return millis;
	}

	private static double finite(String key, @Nullable Double value) {
		if (value == null || value.isNaN() || value.isInfinite()) {
			throw new InvalidConfigurationException(key, "must be a number, was " + value);
		}
		return value;
	}

	private static @Nullable String string(@Nullable Object value) {
		return (value != null) ? value.toString() : null;
	}

	private static String number(double value) {
		return (value == Math.rint(value)) ? String.valueOf((long) value) : String.valueOf(value);
	}

	/** A summary is always a template: {@code {{node}}} and the capture's label are texts, columns are numbers. */
	static ValueTemplate template(String key, String summary, String column) {
		String body = summary.startsWith("=") ? summary.substring(1) : summary;
		Matcher matcher = TEXTS.matcher(body);
		body = matcher.replaceAll("{{text $1}}");
		List<String> columns = new ArrayList<>();
		columns.add(column);
		columns.addAll(AlertRule.COLUMNS);
		try {
			return ValueTemplate.parse("=" + body, columns);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationException(key, ex.getMessage() + "; a summary may also name {{node}}, "
					+ "{{match}} (what the * matched) and the node's texts ({{text system.os}})");
		}
	}

	private static String defaultSummary(String metric, boolean above, double threshold, String column) {
		String shown = metric.replace("*", "{{match}}");
		return shown + " is {{number " + column + "}} on {{node}} (" + (above ? "above " : "below ") + number(threshold)
				+ ")";
	}

	/** {@code cpu.usage} → {@code usage}, as cards name a metric's column. */
	static String column(String metric) {
		String last = metric.substring(metric.lastIndexOf('.') + 1).replaceAll("[^A-Za-z0-9_]", "_");
		return (last.isEmpty() || last.chars().allMatch((c) -> c == '_')) ? "value" : last;
	}

	/** A shell-style glob over node names: {@code *} any characters, {@code ?} one. */
	static Pattern glob(String glob) {
		return Pattern.compile(Glob.regex(glob), Pattern.DOTALL);
	}

}
