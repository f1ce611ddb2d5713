package dev.statwall.sampling;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

class DiskReaderTests {

	private static final int SIZE = 64 * 1024 * 1024;

	@Test
	void whenAFileIsWrittenAndForcedThenDiskWriteCountsIt() throws Exception {
		Path target = Path.of("target").toAbsolutePath();
		Files.createDirectories(target);
		FileStore store = Files.getFileStore(target);
		assumeThat(List.of("tmpfs", "ramfs", "devtmpfs")).as("target/ is on %s, not on a disk", store.type())
			.doesNotContain(store.type());
		OshiProbe probe = Probes.linux();
		assumeThat(Probes.names(probe)).as("this machine shows no whole disk").anyMatch((name) -> name.matches("disk\\.[^.]+\\.write"));
		Path file = target.resolve("statwall-disk-test-" + ThreadLocalRandom.current().nextInt(1_000_000));
		try {
			long start = System.nanoTime();
			Reading before = probe.read();
			ByteBuffer chunk = ByteBuffer.allocate(1024 * 1024);
			ThreadLocalRandom.current().nextBytes(chunk.array());
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
				for (int written = 0; written < SIZE; written += chunk.capacity()) {
					chunk.clear();
					channel.write(chunk);
				}
				channel.force(true);
			}
			Reading reading = probe.read();
			double seconds = (System.nanoTime() - start) / 1e9;
			// other writers can only add to what the kernel counted
			double written = 0;
			for (String name : Probes.names(probe)) {
				if (name.matches("disk\\.[^.]+\\.write_bytes_total")) {
					written += reading.value(name) - before.value(name);
				}
			}
			assertThat(written).as("bytes the disks' counters say were written").isGreaterThanOrEqualTo(SIZE);
			assertThat(reading.value("disk.write") * seconds).isGreaterThanOrEqualTo(SIZE * 0.95);
			assertThat(reading.value("disk.write_ops")).isPositive();
			assertThat(reading.value("disk.read")).isGreaterThanOrEqualTo(0);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	@Test
	void whenDisksAreListedThenPartitionsAndLoopDevicesAreNot() {
		OshiProbe probe = Probes.linux();
		assertThat(Probes.names(probe)).contains("disk.read", "disk.write", "disk.read_ops", "disk.write_ops")
			.noneMatch((name) -> name.matches("disk\\.(loop|ram|zram)\\d+\\..*"))
			.noneMatch((name) -> name.matches("disk\\.(sd[a-z]+|vd[a-z]+|nvme\\d+n\\d+p|mmcblk\\d+p)\\d+\\..*"));
	}

	@Test
	void whenDeviceNameHasAPathThenItsLastPartIsTheName() {
		assertThat(DiskReader.shortName("/dev/sda")).isEqualTo("sda");
		assertThat(DiskReader.shortName("\\\\.\\PHYSICALDRIVE0")).isEqualTo("physicaldrive0");
		assertThat(DiskReader.shortName("disk0")).isEqualTo("disk0");
	}

}
