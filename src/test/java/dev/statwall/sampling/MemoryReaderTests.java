package dev.statwall.sampling;

import org.junit.jupiter.api.Test;
import oshi.hardware.GlobalMemory;
import oshi.hardware.VirtualMemory;
import oshi.software.os.CgroupInfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class MemoryReaderTests {

	/** What other programs may allocate or free in the microseconds between two reads. */
	private static final long SLACK = 64L * 1024 * 1024;

	private static final CgroupInfo NO_CGROUP = new CgroupInfo() {
	};

	@Test
	void whenTheRealMemoryIsReadThenUsedIsTotalLessAvailableAsTheKernelSaysAtThatMoment() throws Exception {
		OshiProbe probe = Probes.linux();
		// the kernel's figures just before and just after the read bracket the probe's
		long[] before = meminfo();
		Reading reading = probe.read();
		long[] after = meminfo();
		double used = reading.value("memory.used");
		assertThat(reading.value("memory.total")).isEqualTo(before[0]);
		assertThat(used).isBetween((double) Math.min(before[0] - before[1], after[0] - after[1]) - SLACK,
				(double) Math.max(before[0] - before[1], after[0] - after[1]) + SLACK);
		assertThat(used + reading.value("memory.available")).isEqualTo(reading.value("memory.total"));
		assertThat(reading.value("memory.usage")).as("to a hundredth of a percent")
			.isCloseTo(100 * used / reading.value("memory.total"), org.assertj.core.data.Offset.offset(0.005));
	}

	/** MemTotal and MemAvailable in bytes, read here without the probe's code. */
	private static long[] meminfo() throws Exception {
		long total = -1;
		long available = -1;
		for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/meminfo"))) {
			String[] fields = line.trim().split("\\s+");
			if (fields[0].equals("MemTotal:")) {
				total = Long.parseLong(fields[1]) * 1024;
			}
			else if (fields[0].equals("MemAvailable:")) {
				available = Long.parseLong(fields[1]) * 1024;
			}
		}
		return new long[] { total, available };
	}

	@Test
	void whenSwapTotalIsZeroThenSwapUsageIsNaN() {
		MemoryReader reader = new MemoryReader(memory(0), NO_CGROUP, false);
		reader.discover();
		Reading reading = read(reader);
		assertThat(reading.value("swap.total")).isZero();
		assertThat(reading.value("swap.used")).isZero();
		assertThat(reading.value("swap.usage")).isNaN();
		assertThat(reading.value("memory.usage")).isEqualTo(25.0);
	}

	@Test
	void whenSwapIsThereThenSwapUsageIsUsedOverTotal() {
		MemoryReader reader = new MemoryReader(memory(1000), NO_CGROUP, false);
		reader.discover();
		assertThat(read(reader).value("swap.usage")).isEqualTo(10.0);
	}

	@Test
	void whenNoCgroupLimitIsSetThenNoCgroupMetricsAreListed() {
		MemoryReader reader = new MemoryReader(memory(0), new CgroupInfo() {
			@Override
			public long getMemoryLimit() {
				return 9223372036854771712L; // cgroup v1's "max"
			}
		}, false);
		reader.discover();
		assertThat(reader.metrics()).extracting(Metric::name).noneMatch((name) -> name.startsWith("cgroup."));
	}

	@Test
	void whenCgroupLimitsAreSetThenCgroupMetricsAreListedAndRead() {
		CgroupInfo limited = new CgroupInfo() {
			@Override
			public long getMemoryLimit() {
				return 1024L * 1024 * 1024;
			}

			@Override
			public long getMemoryUsage() {
				return 256L * 1024 * 1024;
			}

			@Override
			public long getCpuQuota() {
				return 150_000;
			}

			@Override
			public long getCpuPeriod() {
				return 100_000;
			}
		};
		MemoryReader reader = new MemoryReader(memory(0), limited, true);
		reader.discover();
		assertThat(reader.metrics()).extracting(Metric::name)
			.contains("cgroup.memory.limit", "cgroup.memory.used", "cgroup.memory.usage", "cgroup.cpu.limit");
		Reading reading = read(reader);
		assertThat(reading.value("cgroup.memory.usage")).isEqualTo(25.0);
		assertThat(reading.value("cgroup.cpu.limit")).isEqualTo(1.5);
		assertThat(reading.value("memory.total")).isPositive(); // from /proc/meminfo
	}

	private static Reading read(Area area) {
		Readout out = new Readout(16);
		area.read(out);
		return out.toReading();
	}

	private static GlobalMemory memory(long swapTotal) {
		GlobalMemory memory = mock(GlobalMemory.class);
		VirtualMemory virtual = mock(VirtualMemory.class);
		given(memory.getTotal()).willReturn(4000L);
		given(memory.getAvailable()).willReturn(3000L);
		given(memory.getVirtualMemory()).willReturn(virtual);
		given(virtual.getSwapTotal()).willReturn(swapTotal);
		given(virtual.getSwapUsed()).willReturn(swapTotal / 10);
		return memory;
	}

}
