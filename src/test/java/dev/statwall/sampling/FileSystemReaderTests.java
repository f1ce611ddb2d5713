package dev.statwall.sampling;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileSystemReaderTests {

	@Test
	void whenMountsAreListedThenPseudoFileSystemsAreLeftOutAndRootIsIn() throws Exception {
		OshiProbe probe = Probes.linux();
		List<String> names = Probes.names(probe);
		assertThat(names).contains("fs./.used", "fs./.total", "fs./.usage")
			.doesNotContain("fs./proc.usage", "fs./sys.usage", "fs./dev.usage", "fs./dev/shm.usage",
					"fs./sys/fs/cgroup.usage", "fs./run.usage");
		for (String line : Files.readAllLines(Path.of("/proc/mounts"))) {
			String[] fields = line.split(" ");
			if (fields[2].matches("tmpfs|proc|sysfs|devtmpfs|devpts|cgroup2?|mqueue|overlay")) {
				assertThat(names).as("mount %s of type %s", fields[1], fields[2])
					.doesNotContain("fs." + fields[1] + ".usage");
			}
		}
		Reading reading = probe.read();
		File root = new File("/");
		assertThat(reading.value("fs./.total")).isEqualTo(root.getTotalSpace());
		assertThat(reading.value("fs./.used")).isEqualTo(root.getTotalSpace() - root.getFreeSpace(),
				org.assertj.core.data.Offset.offset(64.0 * 1024 * 1024));
		assertThat(reading.value("fs./.usage")).isBetween(0.0, 100.0);
		Table table = reading.tables().get("filesystems");
		assertThat(table.columns()).containsExactly("mount", "type", "used", "total", "usage");
		assertThat(table.rows()).containsKey("/");
		assertThat(table.rows().get("/").get(0)).isEqualTo("/");
		assertThat(table.rows().keySet()).allSatisfy((mount) -> assertThat(names).contains("fs." + mount + ".usage"));
	}

	@Test
	void whenTmpfsIsNotIgnoredThenItsMountsAreListed() {
		List<String> ignored = FileSystemProperties.defaults().ignoreTypes().stream().filter((type) -> !type.equals("tmpfs")).toList();
		FileSystemReader reader = new FileSystemReader(new oshi.nativefree.SystemInfo().getOperatingSystem().getFileSystem(),
				new FileSystemProperties(ignored, List.of("/")));
		reader.discover();
		assertThat(reader.metrics()).extracting(Metric::name).doesNotContain("fs./.usage");
		boolean hasTmpfs = new oshi.nativefree.SystemInfo().getOperatingSystem().getFileSystem().getFileStores(true)
			.stream().anyMatch((store) -> store.getType().equals("tmpfs"));
		if (hasTmpfs) {
			assertThat(reader.metrics()).isNotEmpty();
		}
	}

}
