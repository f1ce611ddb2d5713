package dev.statwall.sampling;

import oshi.util.linux.ProcPath;
import java.util.ArrayList;
import java.util.List;

import oshi.hardware.GlobalMemory;
import oshi.hardware.VirtualMemory;
import oshi.software.os.CgroupInfo;

/**
 * Memory, swap, and the memory and CPU limits of this node's cgroup when it has any (a container
 * with {@code --memory} or {@code --cpus}, a systemd slice with MemoryMax).
 * <p>
 * Used memory is total - available, as {@code free} and psutil's percent count it: page cache the
 * kernel can drop at once is not used.
 */
final class MemoryReader implements Area {

	private static final List<Metric> MEMORY = List.of(
			new Metric("memory.used", Unit.BYTES, "Memory in use: total - available"),
			new Metric("memory.available", Unit.BYTES, "Memory available to start new programs without swapping"),
			new Metric("memory.total", Unit.BYTES, "Physical memory"),
			new Metric("memory.usage", Unit.PERCENT, "(total - available) / total memory"),
			new Metric("swap.used", Unit.BYTES, "Swap in use"),
			new Metric("swap.total", Unit.BYTES, "Swap space; 0 when there is none"),
			new Metric("swap.usage", Unit.PERCENT, "Swap used / swap total; n/a without swap"));

	private static final List<Metric> CGROUP_MEMORY = List.of(
			new Metric("cgroup.memory.limit", Unit.BYTES, "Memory limit of this node's cgroup (container)"),
			new Metric("cgroup.memory.used", Unit.BYTES, "Memory the cgroup uses, page cache included, as the kernel counts it against the limit"),
			new Metric("cgroup.memory.usage", Unit.PERCENT, "Cgroup memory used / cgroup memory limit"));

	private static final Metric CGROUP_CPU = new Metric("cgroup.cpu.limit", Unit.COUNT,
			"CPU limit of this node's cgroup, in cores: quota / period");

	private final GlobalMemory memory;

	private final CgroupInfo cgroup;

	private final boolean linux;

	private final ProcFile file = new ProcFile(8192);

	private final long[] meminfo = new long[4];

	private long memoryLimit = -1;

	private double cpuLimit = Double.NaN;

	private volatile List<Metric> metrics = MEMORY;

	MemoryReader(GlobalMemory memory, CgroupInfo cgroup, boolean linux) {
		this.memory = memory;
		this.cgroup = cgroup;
		this.linux = linux;
	}

	@Override
	public String name() {
		return "memory";
	}

	@Override
	public void discover() {
		long limit = this.cgroup.getMemoryLimit();
		// cgroup v1 writes "no limit" as a huge page-aligned number rather than OSHI's UNLIMITED_MEMORY
		this.memoryLimit = (limit > 0 && limit < Long.MAX_VALUE / 2) ? limit : -1;
		long quota = this.cgroup.getCpuQuota();
		long period = this.cgroup.getCpuPeriod();
		this.cpuLimit = (quota > 0 && period > 0) ? (double) quota / period : Double.NaN;
		List<Metric> list = new ArrayList<>(MEMORY);
		if (this.memoryLimit > 0) {
			list.addAll(CGROUP_MEMORY);
		}
		if (!Double.isNaN(this.cpuLimit)) {
			list.add(CGROUP_CPU);
		}
		this.metrics = List.copyOf(list);
	}

	@Override
	public List<Metric> metrics() {
		return this.metrics;
	}

	@Override
	public void read(Readout out) {
		long total;
		long available;
		long swapTotal;
		long swapFree;
		if (this.linux) {
			long[] info = readMeminfo();
			total = info[0];
			available = info[1];
			swapTotal = info[2];
			swapFree = info[3];
		}
		else {
			total = this.memory.getTotal();
			available = this.memory.getAvailable();
			VirtualMemory virtual = this.memory.getVirtualMemory();
			swapTotal = virtual.getSwapTotal();
			swapFree = swapTotal - virtual.getSwapUsed();
		}
		double used = (total > 0 && available >= 0) ? total - available : Double.NaN;
		out.value("memory.used", used);
		out.value("memory.available", (available >= 0) ? available : Double.NaN);
		out.value("memory.total", (total > 0) ? total : Double.NaN);
		out.value("memory.usage", Rates.percent(used, (double) total));
		double swapUsed = (swapTotal >= 0 && swapFree >= 0) ? Math.max(0, swapTotal - swapFree) : Double.NaN;
		out.value("swap.used", swapUsed);
		out.value("swap.total", (swapTotal >= 0) ? swapTotal : Double.NaN);
		out.value("swap.usage", Rates.percent(swapUsed, (double) swapTotal));
		if (this.memoryLimit > 0) {
			long cgroupUsed = this.cgroup.getMemoryUsage();
			double usedBytes = (cgroupUsed >= 0) ? cgroupUsed : Double.NaN;
			out.value("cgroup.memory.limit", (double) this.memoryLimit);
			out.value("cgroup.memory.used", usedBytes);
			out.value("cgroup.memory.usage", Rates.percent(usedBytes, (double) this.memoryLimit));
		}
		if (!Double.isNaN(this.cpuLimit)) {
			out.value("cgroup.cpu.limit", this.cpuLimit);
		}
	}

	/** total, available, swap total, swap free in bytes; -1 where missing. */
	private long[] readMeminfo() {
		ProcFile info = this.file.require(ProcPath.MEMINFO);
		long total = -1;
		long free = -1;
		long available = -1;
		long buffers = 0;
		long cached = 0;
		long swapTotal = -1;
		long swapFree = -1;
		do {
			if (info.startsWith("MemTotal:")) {
				total = info.nextLong() * 1024;
			}
			else if (info.startsWith("MemFree:")) {
				free = info.nextLong() * 1024;
			}
			else if (info.startsWith("MemAvailable:")) {
				available = info.nextLong() * 1024;
			}
			else if (info.startsWith("Buffers:")) {
				buffers = info.nextLong() * 1024;
			}
			else if (info.startsWith("Cached:")) {
				cached = info.nextLong() * 1024;
			}
			else if (info.startsWith("SwapTotal:")) {
				swapTotal = info.nextLong() * 1024;
			}
			else if (info.startsWith("SwapFree:")) {
				swapFree = info.nextLong() * 1024;
				break; // the last field needed
			}
		}
		while (info.nextLine());
		if (available < 0 && free >= 0) {
			available = free + buffers + cached; // kernels before 3.14 have no MemAvailable
		}
		this.meminfo[0] = total;
		this.meminfo[1] = available;
		this.meminfo[2] = swapTotal;
		this.meminfo[3] = swapFree;
		return this.meminfo;
	}

}
