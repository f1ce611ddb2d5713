package dev.statwall.alert;

import java.time.Duration;
import java.util.List;

import dev.statwall.alert.AlertProperties.Rule;

/**
 * The rules every statwall starts with. Each can be overridden or switched off by a rule of the same
 * name in {@code statwall.alerts.rules}; the README says why each threshold is what it is.
 */
final class DefaultRules {

	/** Built in: a node the hub has not heard from for {@code statwall.hub.offline-after}. */
	static final String NODE_OFFLINE = "node_offline";

	static final Rule OFFLINE = new Rule(NODE_OFFLINE, true, null, "*", null, null, null, null, Duration.ZERO, null,
			null, Severity.CRITICAL, "{{node}} has sent nothing for {{duration value}}");

	static final List<Rule> BUNDLED = List.of(
			new Rule("filesystem_full", true, "fs.*.usage", "*", 90.0, null, null, WindowFunction.LAST,
					Duration.ofMinutes(1), 88.0, null, Severity.WARNING, "{{mount}} on {{node}} is {{percent usage}} full"),
			new Rule("memory_high", true, "memory.usage", "*", 90.0, null, null, WindowFunction.LAST, Duration.ofMinutes(5),
					85.0, null, Severity.WARNING, "memory on {{node}} is {{percent usage}} used"),
			new Rule("swap_heavy", true, "swap.usage", "*", 80.0, null, null, WindowFunction.LAST, Duration.ofMinutes(5),
					70.0, null, Severity.WARNING, "swap on {{node}} is {{percent usage}} used"),
			new Rule("cpu_pinned", true, "cpu.usage", "*", 95.0, null, Duration.ofMinutes(1), WindowFunction.AVG,
					Duration.ofMinutes(10), 90.0, null, Severity.WARNING,
					"CPU on {{node}} averaged {{percent usage}} a minute for 10 minutes"),
			new Rule("cpu_hot", true, "sensors.cpu.temperature", "*", 80.0, null, null, WindowFunction.LAST,
					Duration.ofMinutes(1), 75.0, null, Severity.WARNING,
					"CPU of {{node}} is at {{temp temperature}}: a Raspberry Pi throttles from 80 °C"));

	private DefaultRules() {
	}

}
