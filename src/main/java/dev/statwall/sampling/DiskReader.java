package dev.statwall.sampling;

import oshi.util.linux.SysPath;
import oshi.util.linux.ProcPath;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import oshi.hardware.HWDiskStore;
import oshi.hardware.HardwareAbstractionLayer;

/**
 * Disk I/O of whole disks, per disk and in total.
 * <p>
 * On Linux the disks are the entries of /sys/block backed by a device (sda, vda, nvme0n1,
 * mmcblk0): partitions are not there, and loop, ram, zram, device-mapper and md devices have no
 * device, so the total does not count a write twice. The counters come from one read of
 * /proc/diskstats, in 512-byte sectors whatever the disk's sector size. OSHI's JNA disk stores
 * enumerate udev on every update (about 3 ms here).
 */
final class DiskReader implements Area {

	/** The kernel's counters per disk, in the order of the rates they make. */
	private static final String[] COUNTERS = { "read_bytes_total", "write_bytes_total", "read_ops_total",
			"write_ops_total" };

	private static final Unit[] COUNTER_UNITS = { Unit.BYTES, Unit.BYTES, Unit.COUNT, Unit.COUNT };

	private static final String[] COUNTER_HELP = { "Bytes read", "Bytes written", "Reads completed",
			"Writes completed" };

	private static final String[] SUFFIXES = { "read", "write", "read_ops", "write_ops" };

	private static final String[] TOTALS = { "disk.read", "disk.write", "disk.read_ops", "disk.write_ops" };

	private static final Unit[] UNITS = { Unit.BYTES_PER_SECOND, Unit.BYTES_PER_SECOND, Unit.PER_SECOND,
			Unit.PER_SECOND };

	private static final String[] HELP = { "Bytes read per second", "Bytes written per second",
			"Read operations per second", "Write operations per second" };

	private static final int SECTOR = 512;

	private final HardwareAbstractionLayer hardware;

	private final boolean linux;

	private final ProcFile file = new ProcFile(8192);

	private Map<String, DeviceCounters> disks = Map.of();

	private List<HWDiskStore> oshiDisks = List.of();

	private final double[] rates = new double[SUFFIXES.length];

	private final double[] totals = new double[SUFFIXES.length];

	private boolean primed;

	private volatile List<Metric> metrics = List.of();

	DiskReader(HardwareAbstractionLayer hardware, boolean linux) {
		this.hardware = hardware;
		this.linux = linux;
	}

	@Override
	public String name() {
		return "disks";
	}

	@Override
	public void discover() {
		List<String> names = new ArrayList<>();
		if (this.linux) {
			String[] blocks = new File(SysPath.SYS + "block").list();
			for (String name : (blocks != null) ? blocks : new String[0]) {
				if (!name.startsWith("loop") && !name.startsWith("ram") && !name.startsWith("zram")
						&& new File(SysPath.SYS + "block/" + name + "/device").exists()) {
					names.add(name);
				}
			}
		}
		else {
			this.oshiDisks = this.hardware.getDiskStores();
			for (HWDiskStore disk : this.oshiDisks) {
				names.add(shortName(disk.getName()));
			}
		}
		names.sort(null);
		if (!this.metrics.isEmpty() && names.equals(new ArrayList<>(this.disks.keySet()))) {
			return;
		}
		Map<String, DeviceCounters> found = new LinkedHashMap<>();
		for (String name : names) {
			DeviceCounters known = this.disks.get(name);
			found.put(name, (known != null) ? known : new DeviceCounters("disk.", name, COUNTERS, SUFFIXES));
		}
		this.disks = found;
		List<Metric> list = new ArrayList<>();
		for (int i = 0; i < TOTALS.length; i++) {
			list.add(new Metric(TOTALS[i], UNITS[i], HELP[i] + ", all disks"));
		}
		for (DeviceCounters disk : found.values()) {
			for (int i = 0; i < SUFFIXES.length; i++) {
				list.add(new Metric(disk.rateNames[i], UNITS[i], HELP[i] + " on " + disk.device));
			}
			for (int i = 0; i < COUNTERS.length; i++) {
				list.add(new Metric(disk.counterNames[i], COUNTER_UNITS[i],
						COUNTER_HELP[i] + " on " + disk.device + " since boot: the kernel's counter"));
			}
		}
		this.metrics = List.copyOf(list);
	}

	/** {@code /dev/sda} or {@code \\.\PHYSICALDRIVE0} as a name fit for a metric. */
	static String shortName(String device) {
		int slash = Math.max(device.lastIndexOf('/'), device.lastIndexOf('\\'));
		return device.substring(slash + 1).toLowerCase(Locale.ROOT);
	}

	@Override
	public List<Metric> metrics() {
		return this.metrics;
	}

	@Override
	public void read(Readout out) {
		Arrays.fill(this.totals, this.primed ? 0 : Double.NaN);
		this.primed = true;
		if (this.linux) {
			readDiskStats(out);
		}
		else {
			for (HWDiskStore disk : this.oshiDisks) {
				disk.updateAttributes();
				DeviceCounters counters = this.disks.get(shortName(disk.getName()));
				if (counters != null) {
					counters.current[0] = disk.getReadBytes();
					counters.current[1] = disk.getWriteBytes();
					counters.current[2] = disk.getReads();
					counters.current[3] = disk.getWrites();
					account(counters, System.nanoTime(), out);
				}
			}
		}
		for (int i = 0; i < TOTALS.length; i++) {
			out.value(TOTALS[i], this.totals[i]);
		}
	}

	private void readDiskStats(Readout out) {
		ProcFile stats = this.file.require(ProcPath.DISKSTATS);
		long now = System.nanoTime();
		Map<String, DeviceCounters> disks = this.disks;
		int found = 0;
		do {
			// major minor name reads merged sectors-read ms writes merged sectors-written ...
			stats.skipFields(2);
			String name = stats.nextWord();
			DeviceCounters counters = disks.get(name);
			if (counters == null) {
				continue;
			}
			long reads = stats.nextLong();
			stats.skipFields(1);
			long sectorsRead = stats.nextLong();
			stats.skipFields(1);
			long writes = stats.nextLong();
			stats.skipFields(1);
			long sectorsWritten = stats.nextLong();
			counters.current[0] = sectorsRead * SECTOR;
			counters.current[1] = sectorsWritten * SECTOR;
			counters.current[2] = reads;
			counters.current[3] = writes;
			account(counters, now, out);
			found++;
		}
		while (found < disks.size() && stats.nextLine());
	}

	private void account(DeviceCounters counters, long now, Readout out) {
		counters.update(now, this.rates, out);
		for (int i = 0; i < SUFFIXES.length; i++) {
			out.value(counters.rateNames[i], this.rates[i]);
			this.totals[i] = Rates.add(this.totals[i], this.rates[i]);
		}
	}

}
