package dev.statwall.sampling;

import oshi.util.linux.ProcPath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import oshi.hardware.CentralProcessor;
import oshi.software.common.os.linux.nativefree.LinuxOperatingSystemNF;

/**
 * CPU usage in total and per core, iowait, steal, load averages and the core count.
 * <p>
 * Usage follows psutil: busy = total - idle - iowait, from the tick deltas between two reads. On
 * Linux the ticks come from one read of /proc/stat (user nice system idle iowait irq softirq steal;
 * guest time is already inside user and nice).
 */
final class CpuReader implements Area {

	private static final int USER = 0;

	private static final int IDLE = 3;

	private static final int IOWAIT = 4;

	private static final int STEAL = 7;

	/** user, nice, system, idle, iowait, irq, softirq, steal: OSHI's TickType order too. */
	private static final int FIELDS = 8;

	/** The modes' names, as Prometheus's node_exporter calls them. */
	private static final String[] MODES = { "user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal" };

	private final CentralProcessor processor;

	private final boolean linux;

	private final ProcFile file = new ProcFile(8192);

	/** Row 0 is the whole CPU, row i + 1 core i. */
	private long[][] previous = new long[0][];

	private long[][] current = new long[0][];

	private String[] coreNames = new String[0];

	/** Per core and mode, the counter of seconds spent: {@code cpu.core.0.user_seconds_total}. */
	private String[][] secondsNames = new String[0][];

	/** Ticks per second: the kernel's USER_HZ on Linux, milliseconds in OSHI's ticks elsewhere. */
	private final double ticksPerSecond;

	private volatile List<Metric> metrics = List.of();

	CpuReader(CentralProcessor processor, boolean linux) {
		this.processor = processor;
		this.linux = linux;
		this.ticksPerSecond = linux ? LinuxOperatingSystemNF.hz() : 1000;
	}

	@Override
	public String name() {
		return "cpu";
	}

	@Override
	public void discover() {
		int cores = this.linux ? countLinuxCores() : this.processor.getLogicalProcessorCount();
		if (cores == this.coreNames.length) {
			return;
		}
		// cores came or went (hot-plug): start their tick history again
		this.previous = unknownTicks(cores + 1);
		this.current = unknownTicks(cores + 1);
		this.coreNames = new String[cores];
		this.secondsNames = new String[cores][MODES.length];
		List<Metric> list = new ArrayList<>();
		list.add(new Metric("cpu.usage", Unit.PERCENT,
				"CPU busy time between two samples, all cores: total - idle - iowait ticks"));
		for (int i = 0; i < cores; i++) {
			this.coreNames[i] = "cpu.core." + i + ".usage";
			list.add(new Metric(this.coreNames[i], Unit.PERCENT, "Busy time of logical core " + i + " between two samples"));
		}
		for (int i = 0; i < cores; i++) {
			for (int mode = 0; mode < MODES.length; mode++) {
				this.secondsNames[i][mode] = "cpu.core." + i + "." + MODES[mode] + "_seconds_total";
				list.add(new Metric(this.secondsNames[i][mode], Unit.SECONDS,
						"Time logical core " + i + " spent in " + MODES[mode] + " mode since boot: the kernel's counter"));
			}
		}
		if (this.linux) {
			list.add(new Metric("cpu.iowait", Unit.PERCENT, "Idle time waiting for I/O, percent of all ticks"));
			list.add(new Metric("cpu.steal", Unit.PERCENT,
					"Time the hypervisor gave this virtual machine's CPUs to others, percent of all ticks"));
		}
		list.add(new Metric("load.1", Unit.COUNT, "Load average over 1 minute"));
		list.add(new Metric("load.5", Unit.COUNT, "Load average over 5 minutes"));
		list.add(new Metric("load.15", Unit.COUNT, "Load average over 15 minutes"));
		list.add(new Metric("cpu.cores", Unit.COUNT, "Logical cores"));
		this.metrics = List.copyOf(list);
	}

	@Override
	public List<Metric> metrics() {
		return this.metrics;
	}

	@Override
	public void read(Readout out) {
		long[][] ticks = this.current;
		for (long[] row : ticks) {
			row[0] = Rates.UNKNOWN;
		}
		if (this.linux) {
			readProcStat(ticks);
		}
		else {
			copy(this.processor.getSystemCpuLoadTicks(), ticks[0]);
			long[][] cores = this.processor.getProcessorCpuLoadTicks();
			for (int i = 0; i < cores.length && i + 1 < ticks.length; i++) {
				copy(cores[i], ticks[i + 1]);
			}
		}
		long[][] before = this.previous;
		out.value("cpu.usage", busyPercent(before[0], ticks[0]));
		for (int i = 0; i < this.coreNames.length; i++) {
			out.value(this.coreNames[i], busyPercent(before[i + 1], ticks[i + 1]));
			long[] core = ticks[i + 1];
			for (int mode = 0; mode < MODES.length; mode++) {
				out.value(this.secondsNames[i][mode], (core[USER] < 0) ? Double.NaN : core[mode] / this.ticksPerSecond);
			}
		}
		if (this.linux) {
			out.value("cpu.iowait", sharePercent(before[0], ticks[0], IOWAIT));
			out.value("cpu.steal", sharePercent(before[0], ticks[0], STEAL));
		}
		readLoad(out);
		out.value("cpu.cores", this.coreNames.length);
		this.previous = ticks;
		this.current = before;
	}

	private void readProcStat(long[][] ticks) {
		ProcFile stat = this.file.require(ProcPath.STAT);
		do {
			if (!stat.startsWith("cpu")) {
				break; // the cpu lines come first
			}
			stat.skip(3);
			int row = (stat.byteAt(stat.position()) == ' ') ? 0 : (int) stat.nextLong() + 1;
			if (row > 0 && row < ticks.length) {
				parseTicks(stat, ticks[row]);
			}
			else if (row == 0) {
				parseTicks(stat, ticks[0]);
			}
		}
		while (stat.nextLine());
	}

	private static void parseTicks(ProcFile stat, long[] row) {
		for (int i = 0; i < FIELDS; i++) {
			long value = stat.nextLong();
			row[i] = Math.max(0, value); // old kernels have fewer fields
		}
	}

	private void readLoad(Readout out) {
		double one;
		double five;
		double fifteen;
		if (this.linux) {
			ProcFile load = this.file.require(ProcPath.LOADAVG);
			one = load.nextDouble();
			five = load.nextDouble();
			fifteen = load.nextDouble();
		}
		else {
			double[] load = this.processor.getSystemLoadAverage(3);
			one = load[0];
			five = load[1];
			fifteen = load[2];
		}
		// OSHI gives a negative load where the OS has none (Windows)
		out.value("load.1", (one < 0) ? Double.NaN : one);
		out.value("load.5", (five < 0) ? Double.NaN : five);
		out.value("load.15", (fifteen < 0) ? Double.NaN : fifteen);
	}

	/** As psutil does: idle and iowait are not busy; steal is. NaN without an earlier read. */
	static double busyPercent(long[] previous, long[] current) {
		if (previous[USER] < 0 || current[USER] < 0) {
			return Double.NaN;
		}
		long total = 0;
		long idle = 0;
		for (int i = 0; i < FIELDS && i < current.length; i++) {
			// per-core iowait can go backwards on Linux; a negative delta counts as none
			long delta = Math.max(0, current[i] - previous[i]);
			total += delta;
			if (i == IDLE || i == IOWAIT) {
				idle += delta;
			}
		}
		return Rates.percent((double) (total - idle), (double) total);
	}

	private static double sharePercent(long[] previous, long[] current, int field) {
		if (previous[USER] < 0 || current[USER] < 0) {
			return Double.NaN;
		}
		long total = 0;
		for (int i = 0; i < FIELDS; i++) {
			total += Math.max(0, current[i] - previous[i]);
		}
		return Rates.percent((double) Math.max(0, current[field] - previous[field]), (double) total);
	}

	private int countLinuxCores() {
		ProcFile stat = this.file.require(ProcPath.STAT);
		int cores = 0;
		do {
			if (!stat.startsWith("cpu")) {
				break;
			}
			stat.skip(3);
			if (stat.byteAt(stat.position()) != ' ') {
				cores = Math.max(cores, (int) stat.nextLong() + 1);
			}
		}
		while (stat.nextLine());
		return cores;
	}

	private static long[][] unknownTicks(int rows) {
		long[][] ticks = new long[rows][FIELDS];
		for (long[] row : ticks) {
			Arrays.fill(row, Rates.UNKNOWN);
		}
		return ticks;
	}

	private static void copy(long[] from, long[] to) {
		System.arraycopy(from, 0, to, 0, Math.min(from.length, FIELDS));
	}

}
