package dev.statwall.sampling;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;
import oshi.hardware.GlobalMemory;
import oshi.hardware.VirtualMemory;
import oshi.software.os.CgroupInfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class MemoryReaderTests {

	private static final long SIZE = 512L * 1024 * 1024;

	private static final CgroupInfo NO_CGROUP = new CgroupInfo() {
	};

	@Test
	void whenHalfAGigabyteIsTouchedThenMemoryUsedRisesByAboutThat() throws Exception {
		OshiProbe probe = Probes.linux();
		// other programs allocate too: one of three tries must land within 25 %
		double moved = 0;
		for (int attempt = 0; attempt < 3; attempt++) {
			double before = probe.read().value("memory.used");
			ByteBuffer memory = ByteBuffer.allocateDirect((int) SIZE);
			for (int i = 0; i < SIZE; i += 4096) {
				memory.put(i, (byte) 1);
			}
			Reading reading = probe.read();
			moved = reading.value("memory.used") - before;
			assertThat(reading.value("memory.used") + reading.value("memory.available"))
				.isEqualTo(reading.value("memory.total"));
			assertThat(reading.value("memory.usage"))
				.isCloseTo(100 * reading.value("memory.used") / reading.value("memory.total"),
						org.assertj.core.data.Offset.offset(1e-6));
			memory = null;
			System.gc();
			Thread.sleep(200);
			if (moved >= SIZE * 0.75 && moved <= SIZE * 1.25) {
				return;
			}
		}
		assertThat(moved).as("memory.used moved by").isBetween(SIZE * 0.75, SIZE * 1.25);
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
