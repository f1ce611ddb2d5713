package dev.statwall.sampling;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import oshi.hardware.Sensors;

/**
 * CPU temperature and fan speeds, where the hardware has them. A sensor that is missing is not
 * listed at all; one that was found and then fails reads as NaN, logged once.
 * <p>
 * OSHI reads hwmon; where it finds nothing (a Raspberry Pi, many ARM boards and virtual machines
 * with a thermal zone) the thermal zone's millidegrees are read directly.
 */
final class SensorReader implements Area {

	static final String TEMPERATURE = "sensors.cpu.temperature";

	/** Thermal zone types that measure the CPU, best first. */
	private static final List<String> CPU_ZONES = List.of("x86_pkg_temp", "cpu", "soc", "coretemp", "k10temp");

	private final Sensors sensors;

	private final Path thermalRoot;

	private final FailureLog failures;

	private final ProcFile file = new ProcFile(64);

	private boolean fromOshi;

	private @Nullable String zoneTemperature;

	private String[] fanNames = new String[0];

	private volatile List<Metric> metrics = List.of();

	SensorReader(Sensors sensors, Path thermalRoot, FailureLog failures) {
		this.sensors = sensors;
		this.thermalRoot = thermalRoot;
		this.failures = failures;
	}

	@Override
	public String name() {
		return "sensors";
	}

	@Override
	public void discover() {
		// once a sensor is listed it stays listed: a card was checked against it at start
		boolean listed = this.fromOshi || this.zoneTemperature != null;
		if (!listed) {
			double oshi = this.sensors.getCpuTemperature();
			if (oshi > 0) {
				this.fromOshi = true;
			}
			else {
				this.zoneTemperature = findCpuZone();
			}
		}
		int fans = this.sensors.getFanSpeeds().length;
		if (fans > this.fanNames.length) {
			this.fanNames = new String[fans];
			for (int i = 0; i < fans; i++) {
				this.fanNames[i] = "sensors.fan." + i;
			}
		}
		List<Metric> list = new ArrayList<>();
		if (this.fromOshi || this.zoneTemperature != null) {
			list.add(new Metric(TEMPERATURE, Unit.CELSIUS, "CPU temperature"));
		}
		for (int i = 0; i < this.fanNames.length; i++) {
			list.add(new Metric(this.fanNames[i], Unit.RPM, "Speed of fan " + i));
		}
		this.metrics = List.copyOf(list);
	}

	private @Nullable String findCpuZone() {
		File[] zones = this.thermalRoot.toFile().listFiles((dir, name) -> name.startsWith("thermal_zone"));
		if (zones == null || zones.length == 0) {
			return null;
		}
		Arrays.sort(zones);
		@Nullable String best = null;
		int bestRank = Integer.MAX_VALUE;
		for (File zone : zones) {
			String temperature = new File(zone, "temp").getPath();
			if (!(readZone(temperature) > 0)) {
				continue;
			}
			String type = this.file.load(new File(zone, "type").getPath())
					? this.file.text(0, this.file.length()).strip().toLowerCase(Locale.ROOT) : "";
			int rank = CPU_ZONES.size();
			for (int i = 0; i < CPU_ZONES.size(); i++) {
				if (type.contains(CPU_ZONES.get(i))) {
					rank = i;
					break;
				}
			}
			if (rank < bestRank) {
				best = temperature;
				bestRank = rank;
			}
		}
		return best;
	}

	@Override
	public List<Metric> metrics() {
		return this.metrics;
	}

	@Override
	public void read(Readout out) {
		String zone = this.zoneTemperature;
		if (this.fromOshi || zone != null) {
			double celsius = (this.fromOshi || zone == null) ? this.sensors.getCpuTemperature() : readZone(zone);
			if (celsius > 0) {
				this.failures.succeeded(TEMPERATURE);
				out.value(TEMPERATURE, celsius);
			}
			else {
				this.failures.failed(TEMPERATURE, new IllegalStateException("CPU temperature reads " + celsius));
				out.value(TEMPERATURE, Double.NaN);
			}
		}
		if (this.fanNames.length > 0) {
			int[] speeds = this.sensors.getFanSpeeds();
			for (int i = 0; i < this.fanNames.length; i++) {
				// a stopped fan reads 0 rpm, which is a value; a fan gone from the list is not
				out.value(this.fanNames[i], (i < speeds.length && speeds[i] >= 0) ? speeds[i] : Double.NaN);
			}
		}
	}

	/** A thermal zone's temperature in degrees Celsius, or NaN. */
	private double readZone(String path) {
		if (!this.file.load(path)) {
			return Double.NaN;
		}
		long millidegrees = this.file.nextLong();
		return (millidegrees < 0) ? Double.NaN : millidegrees / 1000.0;
	}

}
