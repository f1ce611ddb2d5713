package dev.statwall.sampling;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CpuReaderTests {

	private static final String[] MODES = { "user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal" };

	/** Each read of the kernel's CPU times can be one 10 ms tick off, per core. */
	private static final double TICKS = 0.05;

	@Test
	void whenAThreadBurnsCpuThenTheUsageAndTheCpuSecondsCountAtLeastWhatItBurned() throws Exception {
		int cores = Runtime.getRuntime().availableProcessors();
		OshiProbe probe = Probes.linux();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
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
			long started = System.nanoTime();
			Reading first = probe.read();
			long startedAfter = System.nanoTime();
			long burnedBefore = threads.getThreadCpuTime(burner.getId());
			// however busy the machine is, the burner gets some CPU: wait for half a second of it
			await().atMost(Duration.ofSeconds(60))
				.until(() -> threads.getThreadCpuTime(burner.getId()) - burnedBefore >= 500_000_000L);
			double burned = (threads.getThreadCpuTime(burner.getId()) - burnedBefore) / 1e9;
			long ended = System.nanoTime();
			Reading second = probe.read();
			long endedAfter = System.nanoTime();
			double longest = (endedAfter - started) / 1e9;
			double shortest = (ended - startedAfter) / 1e9;

			// usage is busy time over all time: times all cores' time, at least what the burner used
			assertThat(second.value("cpu.usage") / 100 * cores * longest).as("busy seconds by cpu.usage")
				.isGreaterThanOrEqualTo(burned - TICKS * cores);
			double busyByCores = 0;
			for (int core = 0; core < cores; core++) {
				busyByCores += second.value("cpu.core." + core + ".usage") / 100 * longest;
			}
			assertThat(busyByCores).as("busy seconds by the cores' lines").isGreaterThanOrEqualTo(burned - TICKS * cores);
			// the counters: all modes add up to the cores' time, the busy ones to at least what was burned
			double all = 0;
			double busy = 0;
			for (int core = 0; core < cores; core++) {
				for (String mode : MODES) {
					String name = "cpu.core." + core + "." + mode + "_seconds_total";
					double spent = second.value(name) - first.value(name);
					assertThat(spent).as("%s never goes back", name).isGreaterThanOrEqualTo(0);
					all += spent;
					busy += (mode.equals("idle") || mode.equals("iowait")) ? 0 : spent;
				}
			}
			assertThat(busy).as("busy seconds by the counters").isGreaterThanOrEqualTo(burned - TICKS * cores);
			assertThat(all).as("all seconds by the counters, against %s cores × [%s, %s] s", cores, shortest, longest)
				.isBetween(cores * shortest * 0.9 - TICKS * cores, cores * longest * 1.1 + TICKS * cores);
			assertThat(second.value("cpu.iowait")).isBetween(0.0, 100.0);
			assertThat(second.value("cpu.steal")).isBetween(0.0, 100.0);
			assertThat(second.value("cpu.cores")).isEqualTo(cores);
			assertThat(second.value("load.1")).isGreaterThanOrEqualTo(0);
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
