package dev.statwall.export;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.statwall.sampling.Metric;
import dev.statwall.sampling.Unit;

/**
 * How a statwall metric is named for Prometheus: base units ({@code _bytes}, {@code _seconds}),
 * ratios from 0 to 1 instead of percentages, the interface, disk, mount, core or fan as a label
 * instead of a part of the name, and the kernel's counters as counters ({@code _total}), so that
 * {@code rate()} and {@code increase()} work. Per-second rates are not exported: their counters
 * are, and a rate sampled at each scrape would miss every burst between two scrapes.
 *
 * @param family the metric family, such as {@code statwall_network_receive_bytes}; a counter's
 * family is written with {@code _total} after it
 * @param help one line for the family
 * @param labels the labels' names, such as {@code interface}
 * @param values the labels' values, in the order of {@code labels}
 * @param counter whether this is a counter rather than a gauge
 * @param ratio whether the value is a percentage that goes out as a ratio from 0 to 1
 */
record PrometheusName(String family, String help, List<String> labels, List<String> values, boolean counter,
		boolean ratio) {

	private static final List<Rule> RULES = List.of(
			gauge("cpu\\.usage", "statwall_cpu_usage_ratio", "CPU busy time between two samples, all cores"),
			gauge("cpu\\.core\\.(.+)\\.usage", "statwall_cpu_core_usage_ratio", "CPU busy time of one logical core between two samples", "core"),
			counter("cpu\\.core\\.(\\d+)\\.(user|nice|system|idle|iowait|irq|softirq|steal)_seconds_total", "statwall_cpu_seconds",
					"Seconds each logical core spent in each mode since boot", "core", "mode"),
			gauge("cpu\\.iowait", "statwall_cpu_iowait_ratio", "Share of CPU time idle waiting for I/O"),
			gauge("cpu\\.steal", "statwall_cpu_steal_ratio", "Share of CPU time stolen by the hypervisor"),
			gauge("cpu\\.cores", "statwall_cpu_cores", "Logical cores"),
			gauge("load\\.(1|5|15)", "statwall_load_average", "Load average over the window in minutes", "window"),
			gauge("memory\\.(used|available|total)", "statwall_memory_%s_bytes", "Memory %s"),
			gauge("memory\\.usage", "statwall_memory_usage_ratio", "(total - available) / total memory"),
			gauge("swap\\.(used|total)", "statwall_swap_%s_bytes", "Swap %s"),
			gauge("swap\\.usage", "statwall_swap_usage_ratio", "Swap used / swap total"),
			gauge("cgroup\\.memory\\.(limit|used)", "statwall_cgroup_memory_%s_bytes", "Container memory %s"),
			gauge("cgroup\\.memory\\.usage", "statwall_cgroup_memory_usage_ratio", "Container memory used / limit"),
			gauge("cgroup\\.cpu\\.limit", "statwall_cgroup_cpu_limit_cores", "Container CPU limit in cores"),
			counter("net\\.(.+)\\.rx_(bytes|packets|errors|drops)_total", "statwall_network_receive_%s",
					"Received %s on one interface since boot, the kernel's counter", "interface"),
			counter("net\\.(.+)\\.tx_(bytes|packets|errors|drops)_total", "statwall_network_transmit_%s",
					"Sent %s on one interface since boot, the kernel's counter", "interface"),
			counter("disk\\.(.+)\\.read_bytes_total", "statwall_disk_read_bytes", "Bytes read from one disk since boot", "disk"),
			counter("disk\\.(.+)\\.write_bytes_total", "statwall_disk_written_bytes", "Bytes written to one disk since boot", "disk"),
			counter("disk\\.(.+)\\.read_ops_total", "statwall_disk_read_operations", "Reads completed on one disk since boot", "disk"),
			counter("disk\\.(.+)\\.write_ops_total", "statwall_disk_write_operations", "Writes completed on one disk since boot", "disk"),
			// rates, totals and per device: their counters above are what Prometheus should rate()
			rate("net\\.(.+\\.)?(rx|tx|rx_packets|tx_packets|errors|drops)"),
			rate("disk\\.(.+\\.)?(read|write|read_ops|write_ops)"),
			gauge("fs\\.(.+)\\.(used|total)", "statwall_filesystem_%s_bytes", "Filesystem space", "mount"),
			gauge("fs\\.(.+)\\.usage", "statwall_filesystem_usage_ratio", "Used / (used + available to users), as df shows it", "mount"),
			gauge("processes\\.count", "statwall_processes", "Processes running"),
			gauge("threads\\.count", "statwall_threads", "Threads of all processes"),
			gauge("system\\.uptime", "statwall_uptime_seconds", "Time since the node booted"),
			gauge("sensors\\.cpu\\.temperature", "statwall_cpu_temperature_celsius", "CPU temperature"),
			gauge("sensors\\.fan\\.(.+)", "statwall_fan_speed_rpm", "Fan speed", "fan"));

	/** The help of a name no rule gives, followed by the metric's own name. */
	private static final String OWN_HELP = "statwall metric ";

	private static final Pattern UNSAFE = Pattern.compile("[^a-zA-Z0-9_]");

	/** Not exported (an empty family); stands in the cache for "no name". */
	private static final PrometheusName NONE = new PrometheusName("", "", List.of(), List.of(), false, false);

	/** Thousands of nodes report the same few hundred names: each is matched against the rules once. */
	private static final Map<String, PrometheusName> NAMES = new ConcurrentHashMap<>();

	private static final int MOST_NAMES = 100_000;

	/**
	 * The Prometheus name of a statwall metric, or {@code null} for a rate, which is exported as its
	 * counter instead. A metric no rule knows keeps its own name.
	 */
	static @Nullable PrometheusName of(String metric) {
		PrometheusName name = NAMES.get(metric);
		if (name == null) {
			if (NAMES.size() >= MOST_NAMES) {
				NAMES.clear(); // interfaces that came and went by the thousand: start again
			}
			name = match(metric);
			NAMES.put(metric, name);
		}
		return name.family().isEmpty() ? null : name;
	}

	/**
	 * Forgets the names of metrics no node reports any more (a node forgotten, an interface gone),
	 * so what a node brought in goes with it.
	 */
	static void keepOnly(Set<String> metrics) {
		NAMES.keySet().retainAll(metrics);
	}

	private static PrometheusName match(String metric) {
		for (Rule rule : RULES) {
			Matcher matcher = rule.pattern().matcher(metric);
			if (matcher.matches()) {
				return rule.name(matcher);
			}
		}
		boolean counter = Metric.isCounter(metric);
		String base = counter ? metric.substring(0, metric.length() - Metric.COUNTER_SUFFIX.length()) : metric;
		return new PrometheusName("statwall_" + UNSAFE.matcher(base.toLowerCase(Locale.ROOT)).replaceAll("_"),
				OWN_HELP + metric, List.of(), List.of(), counter, false);
	}

	/** Whether this is the metric's own name made safe, rather than a name one of statwall's rules gives. */
	boolean ownName() {
		return this.help.startsWith(OWN_HELP);
	}

	/**
	 * The value as exported: a percentage as a ratio, rounded to the ratio's decimals (dividing
	 * 18.26 by 100 gives 0.18259999999999998), anything else as the probe rounded it.
	 */
	double value(double value) {
		return this.ratio ? Unit.RATIO.round(value / 100) : value;
	}

	private static Rule gauge(String regex, String family, String help, String... labels) {
		return new Rule(Pattern.compile(regex), family, help, List.of(labels), false);
	}

	private static Rule counter(String regex, String family, String help, String... labels) {
		return new Rule(Pattern.compile(regex), family, help, List.of(labels), true);
	}

	private static Rule rate(String regex) {
		return new Rule(Pattern.compile(regex), "", "", List.of(), false);
	}

	private record Rule(Pattern pattern, String family, String help, List<String> labels, boolean counter) {

		/** The labels take the first groups; a group after them, if any, goes into the family's {@code %s}. */
		PrometheusName name(Matcher matcher) {
			if (this.family.isEmpty()) {
				return NONE;
			}
			String[] values = new String[this.labels.size()];
			for (int i = 0; i < values.length; i++) {
				values[i] = matcher.group(i + 1);
			}
			String word = (matcher.groupCount() > values.length) ? matcher.group(matcher.groupCount()) : "";
			String family = this.family.contains("%s") ? this.family.formatted(word) : this.family;
			String help = this.help.contains("%s") ? this.help.formatted(word) : this.help;
			return new PrometheusName(family, help, this.labels, List.of(values), this.counter,
					family.endsWith("_ratio"));
		}

	}

}
