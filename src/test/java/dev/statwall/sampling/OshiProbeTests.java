package dev.statwall.sampling;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.statwall.testing.RecordingLog;

import static org.assertj.core.api.Assertions.assertThat;

class OshiProbeTests {

	@Test
	void whenAnAreaFailsThenItsMetricsAreNaNTheOthersAreReadAndItIsLoggedOnce() {
		RecordingLog log = new RecordingLog();
		FailingArea failing = new FailingArea();
		OshiProbe probe = new OshiProbe(List.of(failing, new SystemReader(new oshi.nativefree.SystemInfo().getOperatingSystem(), true)),
				Duration.ofSeconds(10), new FailureLog(log));
		for (int i = 0; i < 5; i++) {
			Reading reading = probe.read();
			assertThat(reading.value("broken.value")).isNaN();
			assertThat(reading.value("system.uptime")).isPositive();
		}
		assertThat(log.messages("WARN")).hasSize(1).allMatch((warning) -> warning.startsWith("broken cannot be read"));
	}

	@Test
	void whenTheRealProbeIsReadThenEveryValueIsListedOnceAndTheStableNamesAreThere() {
		OshiProbe probe = Probes.linux();
		List<String> names = Probes.names(probe);
		assertThat(new HashSet<>(names)).hasSameSizeAs(names);
		assertThat(names).contains("cpu.usage", "cpu.core.0.usage", "cpu.iowait", "cpu.steal", "load.1", "load.5",
				"load.15", "cpu.cores", "memory.used", "memory.available", "memory.total", "memory.usage", "swap.used",
				"swap.total", "swap.usage", "net.rx", "net.tx", "net.rx_packets", "net.tx_packets", "net.errors",
				"net.drops", "net.lo.rx", "disk.read", "disk.write", "disk.read_ops", "disk.write_ops", "fs./.usage",
				"processes.count", "threads.count", "system.uptime");
		probe.read();
		// usage needs a CPU tick between two reads: a few milliseconds, however long that is here
		java.util.concurrent.atomic.AtomicReference<Reading> read = new java.util.concurrent.atomic.AtomicReference<>();
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
			.until(() -> {
				read.set(probe.read());
				return !Double.isNaN(read.get().value("cpu.usage"));
			});
		Reading reading = read.get();
		assertThat(names).containsAll(reading.values().keySet());
		Set<String> listed = Set.copyOf(names);
		assertThat(reading.values().keySet()).containsAll(listed);
		assertThat(reading.value("cpu.usage")).isBetween(0.0, 100.0);
		assertThat(reading.value("memory.usage")).isBetween(0.0, 100.0);
		assertThat(reading.value("system.uptime")).isPositive();
		assertThat(reading.texts()).containsKeys("system.os", "system.kernel", "system.hostname");
		assertThat(reading.texts().get("system.kernel")).isEqualTo(System.getProperty("os.version"));
		assertThat(reading.texts().get("system.os")).isNotBlank();
		assertThat(reading.tables()).containsKeys("processes.top", "filesystems");
		assertThat(probe.metrics()).allSatisfy((metric) -> assertThat(metric.help()).isNotBlank());
	}

	@Test
	void whenTheRealProbeIsReadThenEveryValueIsInTheUnitItsNameSaysAndCarriesOnlyThatUnitsDecimals() {
		OshiProbe probe = Probes.linux();
		probe.read();
		Reading reading = probe.read();
		assertThat(probe.metrics()).allSatisfy((metric) -> {
			assertThat(Metric.unitOf(metric.name())).as("the unit a hub infers for %s", metric.name())
				.isEqualTo(metric.unit());
			double value = reading.value(metric.name());
			if (!Double.isNaN(value)) {
				assertThat(new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().scale())
					.as("decimals of %s = %s", metric.name(), value)
					.isLessThanOrEqualTo(metric.unit().decimals());
			}
			if (metric.counter()) {
				assertThat(value).as("counter %s", metric.name()).isGreaterThanOrEqualTo(0);
			}
		});
		assertThat(probe.metrics()).filteredOn(Metric::counter)
			.extracting(Metric::name)
			.contains("cpu.core.0.user_seconds_total", "cpu.core.0.idle_seconds_total", "net.lo.rx_bytes_total",
					"net.lo.tx_packets_total", "net.lo.rx_errors_total", "net.lo.tx_drops_total");
		assertThat(reading.tables().get("processes.top").rows().values()).allSatisfy((row) -> {
			double cpu = ((Number) row.get(3)).doubleValue();
			if (!Double.isNaN(cpu)) {
				assertThat(new java.math.BigDecimal(Double.toString(cpu)).stripTrailingZeros().scale()).isLessThanOrEqualTo(2);
			}
		});
	}

	@Test
	void whenNotOnLinuxThenPlainOshiGivesTheSameAreas() {
		OshiProbe probe = OshiProbe.create(new oshi.SystemInfo(), ProbeSettings.defaults(), false,
				new FailureLog(new RecordingLog()));
		List<String> names = Probes.names(probe);
		assertThat(names).contains("cpu.usage", "cpu.core.0.usage", "load.1", "memory.usage", "swap.usage", "net.rx",
				"disk.write", "fs./.usage", "processes.count", "system.uptime")
			.doesNotContain("cpu.iowait", "cpu.steal");
		probe.read();
		Reading reading = probe.read();
		assertThat(reading.value("memory.usage")).isBetween(0.0, 100.0);
		assertThat(reading.value("processes.count")).isPositive();
		assertThat(reading.tables().get("processes.top").rows()).isNotEmpty();
	}

	/** An area whose source is broken. */
	static final class FailingArea implements Area {

		@Override
		public String name() {
			return "broken";
		}

		@Override
		public void discover() {
		}

		@Override
		public List<Metric> metrics() {
			return List.of(new Metric("broken.value", Unit.COUNT, "Never read"));
		}

		@Override
		public void read(Readout out) {
			out.value("broken.value", 1);
			throw new IllegalStateException("source gone");
		}

	}

}
