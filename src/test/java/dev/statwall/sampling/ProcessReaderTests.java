package dev.statwall.sampling;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessReaderTests {

	@Test
	void whenABusyProcessStartsThenItIsInTheTopTableAndLeavesWhenItExits() throws Exception {
		// a copy of sh under a name longer than the kernel's 15-character comm
		String name = "statwall-probe-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
		Path program = Path.of("target", name).toAbsolutePath();
		Files.createDirectories(program.getParent());
		Files.copy(Path.of("/bin/sh"), program, StandardCopyOption.REPLACE_EXISTING);
		program.toFile().setExecutable(true);
		OshiProbe probe = Probes.linux();
		probe.read();
		Process process = new ProcessBuilder(program.toString(), "-c", "while :; do :; done").start();
		String pid = Long.toString(process.pid());
		try {
			Thread.sleep(700);
			Reading reading = probe.read();
			Table top = reading.tables().get("processes.top");
			assertThat(top.columns()).containsExactly("pid", "name", "user", "cpu", "memory", "command");
			assertThat(top.rows()).containsKey(pid);
			List<Object> row = top.rows().get(pid);
			assertThat(row.get(0)).isEqualTo((int) process.pid());
			assertThat(row.get(1)).isEqualTo(name);
			assertThat(row.get(2)).isEqualTo(System.getProperty("user.name"));
			assertThat((Double) row.get(3)).isGreaterThan(40.0).isLessThanOrEqualTo(100.0 * Runtime.getRuntime().availableProcessors());
			assertThat((Long) row.get(4)).isPositive();
			assertThat((String) row.get(5)).isEqualTo(program + " -c while :; do :; done");
			assertThat(reading.value("processes.count")).isGreaterThan(1);
			assertThat(reading.value("threads.count")).isGreaterThanOrEqualTo(reading.value("processes.count"));
		}
		finally {
			process.destroyForcibly();
			process.waitFor(5, TimeUnit.SECONDS);
			Files.deleteIfExists(program);
		}
		Reading after = probe.read();
		assertThat(after.tables().get("processes.top").rows()).doesNotContainKey(pid);
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

}
