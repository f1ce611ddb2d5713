package dev.statwall.sampling;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import oshi.hardware.Sensors;

import dev.statwall.testing.RecordingLog;

import static org.assertj.core.api.Assertions.assertThat;

class SensorReaderTests {

	@TempDir
	Path thermal;

	private final RecordingLog log = new RecordingLog();

	@Test
	void whenNoSensorExistsThenNoneIsListed() {
		SensorReader reader = new SensorReader(sensors(0, new int[0]), this.thermal, new FailureLog(this.log));
		reader.discover();
		assertThat(reader.metrics()).isEmpty();
		assertThat(read(reader).values()).isEmpty();
	}

	@Test
	void whenOshiFindsNoTemperatureThenTheCpuThermalZoneIsRead() throws Exception {
		zone("thermal_zone0", "acpitz", "27800");
		zone("thermal_zone1", "cpu-thermal", "48312");
		SensorReader reader = new SensorReader(sensors(0, new int[] { 1200, 0 }), this.thermal, new FailureLog(this.log));
		reader.discover();
		assertThat(reader.metrics()).extracting(Metric::name)
			.containsExactly("sensors.cpu.temperature", "sensors.fan.0", "sensors.fan.1");
		Reading reading = read(reader);
		assertThat(reading.value("sensors.cpu.temperature")).as("millidegrees, to a tenth").isEqualTo(48.3);
		assertThat(reading.value("sensors.fan.0")).isEqualTo(1200);
		assertThat(reading.value("sensors.fan.1")).isZero();
	}

	@Test
	void whenASensorFailsThenItReadsNaNAndIsLoggedOnceNotEachRead() throws Exception {
		Path zone = zone("thermal_zone0", "cpu-thermal", "51000");
		FailureLog failures = new FailureLog(this.log);
		SensorReader reader = new SensorReader(sensors(0, new int[0]), this.thermal, failures);
		reader.discover();
		assertThat(read(reader).value("sensors.cpu.temperature")).isEqualTo(51.0);
		Files.delete(zone.resolve("temp"));
		for (int i = 0; i < 5; i++) {
			assertThat(read(reader).value("sensors.cpu.temperature")).isNaN();
		}
		reader.discover();
		assertThat(reader.metrics()).extracting(Metric::name).containsExactly("sensors.cpu.temperature");
		assertThat(failures.isFailing("sensors.cpu.temperature")).isTrue();
		assertThat(this.log.messages("WARN")).hasSize(1).allMatch((warning) -> warning.contains("sensors.cpu.temperature"));
		Files.writeString(zone.resolve("temp"), "50000\n");
		assertThat(read(reader).value("sensors.cpu.temperature")).isEqualTo(50.0);
		assertThat(failures.isFailing("sensors.cpu.temperature")).isFalse();
	}

	@Test
	void whenOshiReadsATemperatureThenItIsUsed() {
		SensorReader reader = new SensorReader(sensors(61.5, new int[0]), this.thermal, new FailureLog(this.log));
		reader.discover();
		assertThat(read(reader).value("sensors.cpu.temperature")).isEqualTo(61.5);
	}

	private Path zone(String name, String type, String millidegrees) throws Exception {
		Path zone = Files.createDirectories(this.thermal.resolve(name));
		Files.writeString(zone.resolve("type"), type + "\n");
		Files.writeString(zone.resolve("temp"), millidegrees + "\n");
		return zone;
	}

	private static Reading read(Area area) {
		Readout out = new Readout(8);
		area.read(out);
		return out.toReading();
	}

	private static Sensors sensors(double temperature, int[] fans) {
		return new Sensors() {
			@Override
			public double getCpuTemperature() {
				return temperature;
			}

			@Override
			public int[] getFanSpeeds() {
				return fans;
			}

			@Override
			public double getCpuVoltage() {
				return 0;
			}
		};
	}

}
