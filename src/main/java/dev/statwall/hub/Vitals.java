package dev.statwall.hub;

import java.util.Map;

import dev.statwall.sampling.Reading;

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

	public static Vitals of(Reading reading) {
		double disk = Double.NaN;
		for (Map.Entry<String, Double> entry : reading.values().entrySet()) {
			String name = entry.getKey();
			if (name.startsWith("fs.") && name.endsWith(".usage") && entry.getValue() != null
					&& !entry.getValue().isNaN()) {
				disk = Double.isNaN(disk) ? entry.getValue() : Math.max(disk, entry.getValue());
			}
		}
		return new Vitals(reading.value("cpu.usage"), reading.value("memory.usage"), reading.value("memory.used"),
				reading.value("net.rx"), reading.value("net.tx"), disk);
	}

	/** Both directions, for sorting by network. */
	public double network() {
		double rx = Double.isNaN(this.netRx) ? 0 : this.netRx;
		double tx = Double.isNaN(this.netTx) ? 0 : this.netTx;
		return rx + tx;
	}

}
