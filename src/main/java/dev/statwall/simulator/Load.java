package dev.statwall.simulator;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import dev.statwall.sampling.Metric;
import dev.statwall.sampling.Unit;

/**
 * How one synthetic node behaves: an idle box, a busy server, a batch worker with bursts. Values
 * drift smoothly with some noise, so tiles and charts move as real ones do.
 */
final class Load {

	/**
	 * The metrics every synthetic sample carries, in the wire order; one array for every sample, so
	 * a backlog shares batches as an agent's does. One interface, eth0, with its kernel counters.
	 */
	static final String[] METRICS = { "cpu.usage", "fs./.usage", "memory.total", "memory.usage", "memory.used",
			"net.eth0.rx_bytes_total", "net.eth0.tx_bytes_total", "net.rx", "net.tx" };

	/** Each metric's unit, whose decimals its values are rounded to, as the probe rounds real ones. */
	private static final Unit[] UNITS = Arrays.stream(METRICS).map(Metric::unitOf).toArray(Unit[]::new);

	private static final double GIB = 1024.0 * 1024 * 1024;

	enum Kind {

		IDLE, BUSY, BATCH

	}

	private final Kind kind;

	private final SplittableRandom random;

	private final double phase;

	private final double period;

	private final double memoryTotal;

	private final double memoryBase;

	private final double diskBase;

	private final double netScale;

	/** The interface's counters: bytes since the synthetic boot, the integral of the rates. */
	private double received;

	private double sent;

	Load(Kind kind, SplittableRandom random) {
		this.kind = kind;
		this.random = random;
		this.phase = random.nextDouble(0, 2 * Math.PI);
		this.period = random.nextDouble(40, 200);
		this.memoryTotal = GIB * (1L << random.nextInt(1, 7)); // 2 to 64 GiB
		this.memoryBase = switch (kind) {
			case IDLE -> random.nextDouble(15, 40);
			case BUSY -> random.nextDouble(55, 85);
			case BATCH -> random.nextDouble(30, 60);
		};
		this.diskBase = random.nextDouble(15, 92);
		this.netScale = switch (kind) {
			case IDLE -> random.nextDouble(2e3, 4e4);
			case BUSY -> random.nextDouble(2e6, 6e7);
			case BATCH -> random.nextDouble(1e5, 2e6);
		};
		// a node up for a while: its counters do not start at zero
		this.received = Math.rint(this.netScale * random.nextDouble(1e4, 1e6));
		this.sent = Math.rint(this.received * random.nextDouble(0.3, 0.7));
	}

	static Kind kindOf(SplittableRandom random) {
		double draw = random.nextDouble();
		return (draw < 0.55) ? Kind.IDLE : (draw < 0.8) ? Kind.BUSY : Kind.BATCH;
	}

	/**
	 * Values at {@code seconds} since the simulator started, in {@link #METRICS} order, each to its
	 * unit's decimals; the counters grow by the rates over {@code intervalSeconds}.
	 */
	double[] values(double seconds, double intervalSeconds) {
		double wave = Math.sin(seconds * 2 * Math.PI / this.period + this.phase);
		double cpu = switch (this.kind) {
			case IDLE -> 2 + 3 * this.random.nextDouble() + 2 * Math.max(0, wave);
			case BUSY -> 60 + 25 * wave + 10 * this.random.nextGaussian();
			case BATCH -> burst(seconds) ? 85 + 10 * this.random.nextDouble() : 4 + 4 * this.random.nextDouble();
		};
		cpu = clamp(cpu, 0, 100);
		double memory = clamp(this.memoryBase + 5 * wave + this.random.nextGaussian(), 1, 99);
		double rx = this.netScale * (1 + 0.6 * wave) * (0.7 + 0.6 * this.random.nextDouble())
				* ((this.kind == Kind.BATCH && burst(seconds)) ? 20 : 1);
		double tx = rx * (0.3 + 0.4 * this.random.nextDouble());
		this.received += Math.rint(rx * intervalSeconds);
		this.sent += Math.rint(tx * intervalSeconds);
		double disk = clamp(this.diskBase + seconds / 3600, 0, 100);
		double[] values = { cpu, disk, this.memoryTotal, memory, memory / 100 * this.memoryTotal, this.received,
				this.sent, rx, tx };
		for (int i = 0; i < values.length; i++) {
			values[i] = UNITS[i].round(values[i]);
		}
		return values;
	}

	private boolean burst(double seconds) {
		return ((seconds + this.phase * 20) % 120) < 25;
	}

	static Map<String, String> texts(String node, Kind kind) {
		Map<String, String> texts = new LinkedHashMap<>();
		texts.put("os.name", "Simulated Linux (" + kind.name().toLowerCase(java.util.Locale.ROOT) + " node)");
		return texts;
	}

	private static double clamp(double value, double min, double max) {
		return Math.max(min, Math.min(max, value));
	}

}
