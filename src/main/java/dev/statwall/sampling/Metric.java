package dev.statwall.sampling;

/**
 * A number this node reports every sample, under a stable name such as {@code cpu.usage} that
 * cards refer to.
 *
 * @param name stable dotted name
 * @param unit what the number measures
 * @param help one line for people: what it is and how it is measured
 */
public record Metric(String name, Unit unit, String help) {

	/**
	 * A metric another node reported by name only, such as one a hub receives: its unit follows
	 * from how statwall names metrics.
	 */
	public static Metric named(String name) {
		return new Metric(name, unitOf(name), name);
	}

	private static Unit unitOf(String name) {
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

}
