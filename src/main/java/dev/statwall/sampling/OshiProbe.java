package dev.statwall.sampling;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

import org.apache.commons.logging.LogFactory;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;

/** Reads this node through OSHI. */
final class OshiProbe implements SystemProbe {

	private static final List<Metric> METRICS = List.of(
			new Metric("cpu.usage", Unit.PERCENT, "CPU busy time between two samples, all cores"),
			new Metric("memory.usage", Unit.PERCENT, "(total - available) / total memory"));

	private final CentralProcessor processor;

	private final GlobalMemory memory;

	private final FailureLog failures = new FailureLog(LogFactory.getLog(OshiProbe.class));

	private long[] previousTicks;

	private double lastCpuUsage = Double.NaN;

	OshiProbe(SystemInfo system) {
		this.processor = system.getHardware().getProcessor();
		this.memory = system.getHardware().getMemory();
		this.previousTicks = this.processor.getSystemCpuLoadTicks();
	}

	@Override
	public List<Metric> metrics() {
		return METRICS;
	}

	@Override
	public Reading read() {
		Map<String, Double> values = new HashMap<>();
		values.put("cpu.usage", guarded("cpu.usage", this::cpuUsage));
		values.put("memory.usage", guarded("memory.usage", this::memoryUsage));
		return new Reading(values, Map.of(), Map.of());
	}

	private double cpuUsage() {
		long[] ticks = this.processor.getSystemCpuLoadTicks();
		double busy = busyPercent(this.previousTicks, ticks);
		if (Double.isNaN(busy)) {
			// the kernel's tick counters (and OSHI's cache of them) have not moved yet at short intervals
			return this.lastCpuUsage;
		}
		this.previousTicks = ticks;
		this.lastCpuUsage = busy;
		return busy;
	}

	/** As psutil does: idle and iowait are not busy; steal is. */
	static double busyPercent(long[] previous, long[] current) {
		long total = 0;
		for (int i = 0; i < current.length; i++) {
			total += current[i] - previous[i];
		}
		long idle = (current[CentralProcessor.TickType.IDLE.getIndex()]
				- previous[CentralProcessor.TickType.IDLE.getIndex()])
				+ (current[CentralProcessor.TickType.IOWAIT.getIndex()]
						- previous[CentralProcessor.TickType.IOWAIT.getIndex()]);
		return (total <= 0) ? Double.NaN : Math.max(0, Math.min(100, 100.0 * (total - idle) / total));
	}

	private double memoryUsage() {
		long total = this.memory.getTotal();
		return (total <= 0) ? Double.NaN : 100.0 * (total - this.memory.getAvailable()) / total;
	}

	private double guarded(String part, DoubleSupplier reader) {
		try {
			double value = reader.getAsDouble();
			this.failures.succeeded(part);
			return value;
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.failed(part, ex);
			return Double.NaN;
		}
	}

}
