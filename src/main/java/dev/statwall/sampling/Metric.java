package dev.statwall.sampling;

/**
 * A number this node reports every sample, under a stable name such as {@code cpu.usage} that
 * cards refer to.
 * <p>
 * Names carry what a number is, so a hub knows the metrics of nodes it only has by name: the last
 * part gives the {@link Unit} ({@code usage} is a percentage, {@code rx} bytes per second), and a
 * name ending in {@code _total} is a counter, a cumulative count from the kernel that only goes up
 * while the node runs (it starts again at a reboot or when a device is reset): {@code _bytes_total}
 * counts bytes, {@code _seconds_total} seconds, any other {@code _total} events such as packets.
 *
 * @param name stable dotted name
 * @param unit what the number measures
 * @param help one line for people: what it is and how it is measured
 */
public record Metric(String name, Unit unit, String help) {

	/** The end of every counter's name. */
	public static final String COUNTER_SUFFIX = "_total";

	/**
	 * A metric another node reported by name only, such as one a hub receives: its unit follows
	 * from how statwall names metrics.
	 */
	public static Metric named(String name) {
		return new Metric(name, unitOf(name), name);
	}

	/** Whether this metric counts up from boot rather than measuring a level or a rate. */
	public boolean counter() {
		return isCounter(this.name);
	}

	/** Whether the metric of this name is a counter: its name ends in {@code _total}. */
	public static boolean isCounter(String name) {
		return name.endsWith(COUNTER_SUFFIX);
	}

	/** The unit a metric of this name is in, by statwall's naming. */
	public static Unit unitOf(String name) {
		if (isCounter(name)) {
			if (name.endsWith("_bytes_total")) {
				return Unit.BYTES;
			}
			return name.endsWith("_seconds_total") ? Unit.SECONDS : Unit.COUNT;
		}
		String last = name.substring(name.lastIndexOf('.') + 1);
		if (name.startsWith("sensors.") && last.equals("temperature")) {
			return Unit.CELSIUS;
		}
		if (name.equals("cgroup.cpu.limit")) {
			return Unit.COUNT;
		}
		if (name.startsWith("sensors.fan.")) {
			return Unit.RPM;
		}
		return switch (last) {
			case "usage", "iowait", "steal" -> Unit.PERCENT;
			case "rx", "tx", "read", "write" -> Unit.BYTES_PER_SECOND;
			case "rx_packets", "tx_packets", "read_ops", "write_ops", "errors", "drops" -> Unit.PER_SECOND;
			case "used", "total", "available", "limit" -> Unit.BYTES;
			case "uptime" -> Unit.SECONDS;
			default -> Unit.COUNT;
		};
	}

	/** Whether values of this metric may be below zero: only temperatures. */
	public static boolean mayBeNegative(String name) {
		return name.startsWith("sensors.") && name.endsWith(".temperature");
	}

}
