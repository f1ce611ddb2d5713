package dev.statwall.sampling;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The top-processes table against a real busy process and the kernel's own figures for it. On a
 * busy machine the process gets whatever share of a core it gets; the table must say how much
 * that was, not that it was much.
 */
class ProcessReaderTests {

	/** The kernel counts CPU time in ticks of 10 ms; two reads of it can each be one tick apart. */
	private static final double TICKS = 0.03;

	@Test
	void whenABusyProcessRunsThenItsRowShowsItsCpuTimeAndResidentMemoryAsTopDoesAndGoesWhenItExits()
			throws Exception {
		// a copy of sh under a name longer than the kernel's 15-character comm
		String name = "statwall-probe-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
		Path program = Path.of("target", name).toAbsolutePath();
		Files.createDirectories(program.getParent());
		Files.copy(Path.of("/bin/sh"), program, StandardCopyOption.REPLACE_EXISTING);
		program.toFile().setExecutable(true);
		// enough processes in the table that a busy one is in it however busy the machine is
		OshiProbe probe = Probes.linux(new ProbeSettings(NetworkProperties.defaults(), FileSystemProperties.defaults(),
				new ProcessProperties(64, ProcessProperties.CommandLine.MASKED), DiscoveryProperties.DEFAULT_INTERVAL, List.of()));
		Process process = new ProcessBuilder(program.toString(), "-c", "while :; do :; done").start();
		String pid = Long.toString(process.pid());
		try {
			await().atMost(Duration.ofSeconds(30)).until(() -> probe.read().tables().get("processes.top").rows().containsKey(pid));
			double before = cpuSeconds(process);
			long started = System.nanoTime();
			probe.read();
			long startedAfter = System.nanoTime();
			// let it run for some CPU time, however long that takes on this machine
			await().atMost(Duration.ofSeconds(60)).until(() -> cpuSeconds(process) - before >= 0.3);
			double ran = cpuSeconds(process) - before;
			long ended = System.nanoTime();
			Reading reading = probe.read();
			long endedAfter = System.nanoTime();
			double ranAfter = cpuSeconds(process) - before;
			long resident = residentBytes(process);

			Table top = reading.tables().get("processes.top");
			assertThat(top.columns()).containsExactly("pid", "name", "user", "cpu", "memory", "command");
			List<Object> row = top.rows().get(pid);
			assertThat(row).as("the busy process's row").isNotNull();
			assertThat(row.get(0)).isEqualTo((int) process.pid());
			assertThat(row.get(1)).isEqualTo(name);
			assertThat(row.get(2)).isEqualTo(System.getProperty("user.name"));
			// percent of one core over the reads' interval, so percent × interval is the CPU time it used
			double percent = (Double) row.get(3);
			double shortest = (ended - startedAfter) / 1e9;
			double longest = (endedAfter - started) / 1e9;
			assertThat(percent / 100 * longest).as("CPU seconds by the table, at the longest interval")
				.isGreaterThanOrEqualTo(ran - TICKS);
			assertThat(percent / 100 * shortest).as("CPU seconds by the table, at the shortest interval")
				.isLessThanOrEqualTo(ranAfter + TICKS);
			assertThat((Long) row.get(4)).as("resident memory as /proc/%s/status's VmRSS has it", pid).isEqualTo(resident);
			assertThat((String) row.get(5)).isEqualTo(program + " -c while :; do :; done");
			assertThat(reading.value("processes.count")).isGreaterThan(1);
			assertThat(reading.value("threads.count")).isGreaterThanOrEqualTo(reading.value("processes.count"));
		}
		finally {
			process.destroyForcibly();
			process.waitFor(10, TimeUnit.SECONDS);
			Files.deleteIfExists(program);
		}
		assertThat(probe.read().tables().get("processes.top").rows()).doesNotContainKey(pid);
	}

	@Test
	void whenAProcessRunsAnotherProgramThenItsRowTakesTheNewNameAtOnceNotAtTheNextDiscovery() throws Exception {
		String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
		Path before = copyOfSh("sw-before-" + suffix);
		Path after = copyOfSh("sw-after-" + suffix);
		Path go = Path.of("target", "sw-exec-" + suffix).toAbsolutePath();
		// names and command lines are read again only every discovery interval: an hour here
		OshiProbe probe = Probes.linux(new ProbeSettings(NetworkProperties.defaults(), FileSystemProperties.defaults(),
				new ProcessProperties(64, ProcessProperties.CommandLine.MASKED), Duration.ofHours(1), List.of()));
		Process process = new ProcessBuilder(before.toString(), "-c",
				"while [ ! -e " + go + " ]; do :; done; exec " + after + " -c 'while :; do :; done'").start();
		String pid = Long.toString(process.pid());
		try {
			await().atMost(Duration.ofSeconds(30)).until(() -> name(probe, pid).equals(before.getFileName().toString()));
			Files.createFile(go);
			await().atMost(Duration.ofSeconds(30)).until(() -> name(probe, pid).equals(after.getFileName().toString()));
		}
		finally {
			process.destroyForcibly();
			process.waitFor(10, TimeUnit.SECONDS);
			Files.deleteIfExists(before);
			Files.deleteIfExists(after);
			Files.deleteIfExists(go);
		}
	}

	private static String name(OshiProbe probe, String pid) {
		List<Object> row = probe.read().tables().get("processes.top").rows().get(pid);
		return (row != null) ? (String) row.get(1) : "";
	}

	private static Path copyOfSh(String name) throws Exception {
		Path program = Path.of("target", name).toAbsolutePath();
		Files.createDirectories(program.getParent());
		Files.copy(Path.of("/bin/sh"), program, StandardCopyOption.REPLACE_EXISTING);
		program.toFile().setExecutable(true);
		return program;
	}

	@Test
	void whenTopIsThreeThenTheTableHoldsTheUnionOfTopThreeByCpuAndByMemory() {
		OshiProbe probe = Probes.linux(new ProbeSettings(NetworkProperties.defaults(), FileSystemProperties.defaults(),
				new ProcessProperties(3, ProcessProperties.CommandLine.MASKED), DiscoveryProperties.DEFAULT_INTERVAL, List.of()));
		probe.read();
		Table top = probe.read().tables().get("processes.top");
		assertThat(top.rows()).hasSizeBetween(3, 6);
		top.rows().forEach((pid, row) -> {
			assertThat(row).hasSize(6);
			assertThat(row.get(0)).isEqualTo(Integer.valueOf(pid));
			assertThat((String) row.get(5)).hasSizeLessThanOrEqualTo(ProcessReader.COMMAND_LIMIT).isNotEmpty();
		});
	}

	/** The CPU time the kernel has counted for the process, as the JDK reads it. */
	private static double cpuSeconds(Process process) {
		return process.info().totalCpuDuration().orElseThrow().toNanos() / 1e9;
	}

	/** Resident memory as the kernel reports it to people: VmRSS in /proc/[pid]/status. */
	private static long residentBytes(Process process) throws Exception {
		AtomicReference<String> line = new AtomicReference<>();
		Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))
			.stream()
			.filter((l) -> l.startsWith("VmRSS:"))
			.findFirst()
			.ifPresent(line::set);
		assertThat(line.get()).as("VmRSS of %s", process.pid()).isNotNull();
		return Long.parseLong(line.get().replaceAll("\\D", "")) * 1024;
	}

}
