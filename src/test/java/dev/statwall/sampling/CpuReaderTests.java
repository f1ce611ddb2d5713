package dev.statwall.sampling;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

class CpuReaderTests {

	@Test
	void whenOneCoreIsBusyThenTotalAndOneCoreLineRise() throws Exception {
		int cores = Runtime.getRuntime().availableProcessors();
		assumeThat(cores).as("needs at most 4 cores for one busy core to move the total clearly").isLessThanOrEqualTo(4);
		OshiProbe probe = Probes.linux();
		AtomicBoolean stop = new AtomicBoolean();
		Thread burner = new Thread(() -> {
			long x = 1;
			while (!stop.get()) {
				x = x * 31 + 7;
			}
			if (x == 42) {
				System.out.println(x);
			}
		}, "busy");
		burner.start();
		try {
			Thread.sleep(200);
			probe.read();
			Thread.sleep(1000);
			Reading reading = probe.read();
			double busiestCore = 0;
			for (int i = 0; i < cores; i++) {
				busiestCore = Math.max(busiestCore, reading.value("cpu.core." + i + ".usage"));
			}
			// other work on the machine only adds to both
			assertThat(reading.value("cpu.usage")).isGreaterThanOrEqualTo(100.0 / cores * 0.7).isLessThanOrEqualTo(100);
			assertThat(busiestCore).isGreaterThan(70);
			assertThat(reading.value("cpu.iowait")).isBetween(0.0, 100.0);
			assertThat(reading.value("cpu.steal")).isBetween(0.0, 100.0);
			assertThat(reading.value("cpu.cores")).isEqualTo(cores);
			assertThat(reading.value("load.1")).isGreaterThanOrEqualTo(0);
		}
		finally {
			stop.set(true);
			burner.join();
		}
	}

	@Test
	void whenTicksAreIdleOrIowaitThenTheyAreNotBusy() {
		// user nice system idle iowait irq softirq steal
		long[] before = { 100, 0, 100, 1000, 100, 0, 0, 0 };
		long[] after = { 150, 0, 150, 1300, 200, 0, 0, 100 };
		// busy 50 + 50 + 100 steal of 600 ticks
		assertThat(CpuReader.busyPercent(before, after)).isCloseTo(100.0 * 200 / 600, org.assertj.core.data.Offset.offset(1e-9));
	}

	@Test
	void whenThereIsNoEarlierReadThenUsageIsNaN() {
		long[] unknown = { -1, -1, -1, -1, -1, -1, -1, -1 };
		assertThat(CpuReader.busyPercent(unknown, new long[] { 1, 1, 1, 1, 1, 1, 1, 1 })).isNaN();
	}

	@Test
	void whenIowaitGoesBackwardsThenUsageStaysWithinBounds() {
		long[] before = { 100, 0, 100, 1000, 500, 0, 0, 0 };
		long[] after = { 200, 0, 100, 1100, 400, 0, 0, 0 };
		assertThat(CpuReader.busyPercent(before, after)).isEqualTo(50.0);
	}

}
