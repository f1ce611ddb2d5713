package dev.statwall.export;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * How a statwall metric is named for Prometheus: base units ({@code _bytes}, {@code _seconds}),
 * ratios from 0 to 1 instead of percentages, and the interface, disk, mount, core or fan as a
 * label instead of a part of the name.
 *
 * @param family the metric family, such as {@code statwall_network_interface_receive_bytes_per_second}
 * @param help one line for the family
 * @param label the label's name, or {@code null} for none
 * @param labelValue the label's value
 * @param scale what the value is multiplied by, such as 0.01 for a percentage
 */
record PrometheusName(String family, String help, @Nullable String label, String labelValue, double scale) {

	private static final List<Rule> RULES = List.of(
			rule("cpu\\.usage", "statwall_cpu_usage_ratio", "CPU busy time between two samples, all cores", 0.01),
			rule("cpu\\.core\\.(.+)\\.usage", "statwall_cpu_core_usage_ratio", "CPU busy time of one logical core",
					"core", 0.01),
			rule("cpu\\.iowait", "statwall_cpu_iowait_ratio", "Share of CPU time idle waiting for I/O", 0.01),
			rule("cpu\\.steal", "statwall_cpu_steal_ratio", "Share of CPU time stolen by the hypervisor", 0.01),
			rule("cpu\\.cores", "statwall_cpu_cores", "Logical cores", 1),
			rule("load\\.(1|5|15)", "statwall_load_average", "Load average over the window in minutes", "window", 1),
			rule("memory\\.(used|available|total)", "statwall_memory_%s_bytes", "Memory %s", 1),
			rule("memory\\.usage", "statwall_memory_usage_ratio", "(total - available) / total memory", 0.01),
			rule("swap\\.(used|total)", "statwall_swap_%s_bytes", "Swap %s", 1),
			rule("swap\\.usage", "statwall_swap_usage_ratio", "Swap used / swap total", 0.01),
			rule("cgroup\\.memory\\.(limit|used)", "statwall_cgroup_memory_%s_bytes", "Container memory %s", 1),
			rule("cgroup\\.memory\\.usage", "statwall_cgroup_memory_usage_ratio", "Container memory used / limit", 0.01),
			rule("cgroup\\.cpu\\.limit", "statwall_cgroup_cpu_limit_cores", "Container CPU limit in cores", 1),
			rule("net\\.(rx|tx)", "statwall_network_%s_bytes_per_second", "Bytes per second over interfaces counted in the total", 1),
			rule("net\\.(rx|tx)_packets", "statwall_network_%s_packets_per_second", "Packets per second over interfaces counted in the total", 1),
			rule("net\\.(errors|drops)", "statwall_network_%s_per_second", "Errors or drops per second over interfaces counted in the total", 1),
			rule("net\\.(.+)\\.(rx|tx)", "statwall_network_interface_%s_bytes_per_second", "Bytes per second on one interface", "interface", 1),
			rule("net\\.(.+)\\.(rx|tx)_packets", "statwall_network_interface_%s_packets_per_second", "Packets per second on one interface", "interface", 1),
			rule("net\\.(.+)\\.(errors|drops)", "statwall_network_interface_%s_per_second", "Errors or drops per second on one interface", "interface", 1),
			rule("disk\\.(read|write)", "statwall_disk_%s_bytes_per_second", "Bytes per second over whole disks", 1),
			rule("disk\\.(read|write)_ops", "statwall_disk_%s_operations_per_second", "Operations per second over whole disks", 1),
			rule("disk\\.(.+)\\.(read|write)", "statwall_disk_device_%s_bytes_per_second", "Bytes per second on one disk", "disk", 1),
			rule("disk\\.(.+)\\.(read|write)_ops", "statwall_disk_device_%s_operations_per_second", "Operations per second on one disk", "disk", 1),
			rule("fs\\.(.+)\\.(used|total)", "statwall_filesystem_%s_bytes", "Filesystem space", "mount", 1),
			rule("fs\\.(.+)\\.usage", "statwall_filesystem_usage_ratio", "Used / (used + available to users), as df shows it", "mount", 0.01),
			rule("processes\\.count", "statwall_processes", "Processes running", 1),
			rule("threads\\.count", "statwall_threads", "Threads of all processes", 1),
			rule("system\\.uptime", "statwall_uptime_seconds", "Time since the node booted", 1),
			rule("sensors\\.cpu\\.temperature", "statwall_cpu_temperature_celsius", "CPU temperature", 1),
			rule("sensors\\.fan\\.(.+)", "statwall_fan_speed_rpm", "Fan speed", "fan", 1));

	private static final Pattern UNSAFE = Pattern.compile("[^a-zA-Z0-9_]");

	/** The Prometheus name of a statwall metric; one no rule knows keeps its own name. */
	static PrometheusName of(String metric) {
		for (Rule rule : RULES) {
			Matcher matcher = rule.pattern().matcher(metric);
			if (matcher.matches()) {
				return rule.name(matcher);
			}
		}
		return new PrometheusName("statwall_" + UNSAFE.matcher(metric.toLowerCase(Locale.ROOT)).replaceAll("_"),
				"statwall metric " + metric, null, "", 1);
	}

	private static Rule rule(String regex, String family, String help, double scale) {
		return new Rule(Pattern.compile(regex), family, help, null, scale);
	}

	private static Rule rule(String regex, String family, String help, String label, double scale) {
		return new Rule(Pattern.compile(regex), family, help, label, scale);
	}

	private record Rule(Pattern pattern, String family, String help, @Nullable String label, double scale) {

		/** The label takes the first group; the last group, if any other, goes into the family's {@code %s}. */
		PrometheusName name(Matcher matcher) {
			int groups = matcher.groupCount();
			String labelValue = (this.label != null) ? matcher.group(1) : "";
			String word = (groups > ((this.label != null) ? 1 : 0)) ? matcher.group(groups) : "";
			String family = this.family.contains("%s") ? this.family.formatted(word) : this.family;
			String help = this.help.contains("%s") ? this.help.formatted(word) : this.help;
			return new PrometheusName(family, help, this.label, labelValue, this.scale);
		}

	}

}
