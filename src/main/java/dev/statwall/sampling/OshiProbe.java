package dev.statwall.sampling;

import oshi.util.linux.SysPath;
import oshi.util.linux.ProcPath;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.LogFactory;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OperatingSystem;
import oshi.spi.SystemInfoProvider;

/**
 * Reads this node through OSHI, area by area.
 * <p>
 * OSHI finds what there is (mounts, disks, interfaces, sensors, cgroup limits) and reads every
 * platform other than Linux. On Linux the numbers that change every second come straight from
 * /proc: OSHI's general path costs 15-19 ms a sample there (it enumerates udev, mounts and every
 * process's details on each update), while one read of /proc/stat, /proc/meminfo, /proc/net/dev,
 * /proc/diskstats and each /proc/[pid]/stat costs well under a millisecond. What changes slowly is
 * looked up again only every discovery interval.
 */
final class OshiProbe implements SystemProbe {

	private final List<Area> areas;

	private final long discoveryNanos;

	private final FailureLog failures;

	private long discoveredAt;

	private int expectedValues = 64;

	/** Each metric's unit by name, for rounding; the sampler's thread only. */
	private final Map<String, Unit> units = new HashMap<>();

	OshiProbe(List<Area> areas, Duration discoveryInterval, FailureLog failures) {
		this.areas = List.copyOf(areas);
		this.discoveryNanos = discoveryInterval.toNanos();
		this.failures = failures;
		discover();
	}

	/** The probe for this machine: the /proc readers on Linux, plain OSHI elsewhere. */
	static OshiProbe create(SystemInfoProvider system, ProbeSettings settings) {
		return create(system, settings, isLinux(), new FailureLog(LogFactory.getLog(OshiProbe.class)));
	}

	static OshiProbe create(SystemInfoProvider system, ProbeSettings settings, boolean linux, FailureLog failures) {
		HardwareAbstractionLayer hardware = system.getHardware();
		OperatingSystem os = system.getOperatingSystem();
		List<Area> areas = new ArrayList<>();
		areas.add(new CpuReader(hardware.getProcessor(), linux));
		areas.add(new MemoryReader(hardware.getMemory(), os.getCgroupInfo(), linux));
		areas.add(new NetworkReader(hardware, settings.network(), linux));
		areas.add(new DiskReader(hardware, linux));
		areas.add(new FileSystemReader(os.getFileSystem(), settings.fileSystems()));
		areas.add(new ProcessReader(os, settings.processes().top(), settings.discoveryInterval(), linux,
				new CommandLineMask(settings.processes().commandLine(), settings.secrets())));
		areas.add(new SensorReader(hardware.getSensors(), Path.of(SysPath.SYS + "class/thermal"), failures));
		areas.add(new SystemReader(os, linux));
		return new OshiProbe(areas, settings.discoveryInterval(), failures);
	}

	static boolean isLinux() {
		return System.getProperty("os.name", "").startsWith("Linux") && new File(ProcPath.STAT).canRead();
	}

	@Override
	public List<Metric> metrics() {
		List<Metric> metrics = new ArrayList<>();
		for (Area area : this.areas) {
			metrics.addAll(area.metrics());
		}
		return List.copyOf(metrics);
	}

	@Override
	public Reading read() {
		long now = System.nanoTime();
		if (now - this.discoveredAt >= this.discoveryNanos) {
			discover();
		}
		if (this.units.size() > 4 * Math.max(64, this.expectedValues)) {
			this.units.clear(); // devices came and went: forget the names of those gone
		}
		Readout out = new Readout(this.expectedValues, this.units);
		for (Area area : this.areas) {
			try {
				area.read(out);
				this.failures.succeeded(area.name());
			}
			catch (RuntimeException | LinkageError ex) {
				this.failures.failed(area.name(), ex);
				for (Metric metric : area.metrics()) {
					out.value(metric.name(), Double.NaN);
				}
			}
		}
		Reading reading = out.toReading();
		this.expectedValues = reading.values().size();
		return reading;
	}

	private void discover() {
		for (Area area : this.areas) {
			String part = area.name() + " discovery";
			try {
				area.discover();
				this.failures.succeeded(part);
			}
			catch (RuntimeException | LinkageError ex) {
				this.failures.failed(part, ex);
			}
		}
		this.discoveredAt = System.nanoTime();
	}

}
