package dev.statwall.hub;

import java.util.Map;


/**
 * The few numbers of a node the overview shows on its tile; {@code NaN} where the node does not
 * report them.
 *
 * @param cpu {@code cpu.usage}, percent
 * @param memory {@code memory.usage}, percent
 * @param memoryUsed {@code memory.used}, bytes
 * @param netRx {@code net.rx}, bytes per second received
 * @param netTx {@code net.tx}, bytes per second sent
 * @param disk the fullest file system: the largest {@code fs.<mount>.usage}, percent
 */
public record Vitals(double cpu, double memory, double memoryUsed, double netRx, double netTx, double disk) {

	static final Vitals NONE = new Vitals(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

	public static Vitals of(Map<String, Double> values) {
		double disk = Double.NaN;
		for (Map.Entry<String, Double> entry : values.entrySet()) {
			String name = entry.getKey();
			if (name.startsWith("fs.") && name.endsWith(".usage") && entry.getValue() != null
					&& !entry.getValue().isNaN()) {
				disk = Double.isNaN(disk) ? entry.getValue() : Math.max(disk, entry.getValue());
			}
		}
		return new Vitals(value(values, "cpu.usage"), value(values, "memory.usage"), value(values, "memory.used"),
				value(values, "net.rx"), value(values, "net.tx"), disk);
	}

	private static double value(Map<String, Double> values, String metric) {
		Double value = values.get(metric);
		return (value != null) ? value : Double.NaN;
	}

	/** Both directions, for sorting by network. */
	public double network() {
		double rx = Double.isNaN(this.netRx) ? 0 : this.netRx;
		double tx = Double.isNaN(this.netTx) ? 0 : this.netTx;
		return rx + tx;
	}

}
