package dev.statwall.series;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.statwall.testing.MutableClock;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The data directory on a small tmpfs of its own, made to fail as disks do: full of bytes, then
 * out of inodes (no file can be created).
 * Each time the store says so once, acknowledges nothing, keeps what it takes in memory, and once
 * the disk works again writes all of it. Mounting needs root (CI runs as root); elsewhere the test
 * is skipped, saying why.
 */
@ExtendWith(OutputCaptureExtension.class)
class StorageFaultTests {

	private static final String[] METRICS = { "cpu.usage", "memory.used" };

	@TempDir
	Path temp;

	private Path disk;

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T00:00:00Z"));

	private SeriesStore store;

	private long seq;

	@BeforeEach
	void mountASmallDisk() throws Exception {
		this.disk = this.temp.resolve("disk");
		Files.createDirectories(this.disk);
		int mounted = run("mount", "-t", "tmpfs", "-o", "size=4m,nr_inodes=200", "tmpfs", this.disk.toString());
		Assumptions.assumeTrue(mounted == 0,
				"mounting a tmpfs for the data directory needs root (CI runs as root): mount exited with " + mounted);
	}

	@AfterEach
	void unmount() throws Exception {
		if (this.store != null) {
			DiskSeriesStoreTests.abandon(this.store);
		}
		run("umount", "-l", this.disk.toString());
	}

	@Test
	void whenTheDiskFillsThenNothingIsAcknowledgedUntilItEmptiesAndThenEverythingIsWritten(CapturedOutput output)
			throws Exception {
		this.store = SeriesStore.open(SeriesStoreContractTests.defaults(), this.clock, this.disk);
		append(600);
		this.store.awaitDurable("n1");
		Path filler = fill(this.disk.resolve("filler"));

		// appends go on in memory; the log cannot take them: no acknowledgement
		assertThatExceptionOfType(StorageUnavailableException.class).isThrownBy(() -> {
			for (int i = 0; i < 2_000; i++) {
				append(1);
				this.store.awaitDurable("n1");
			}
		});
		append(300);
		assertThat(this.store.failure()).contains("No space left on device");
		org.springframework.boot.health.contributor.Health health = new HistoryHealth(this.store).health();
		assertThat(health.getStatus()).as("readiness DOWN").isEqualTo(org.springframework.boot.health.contributor.Status.DOWN);
		assertThat(health.getDetails().get("reason").toString()).contains("No space left on device");
		assertThat(this.store.checkpoint()).as("still full").isFalse();
		assertThat(this.store.recent("n1", 10_000, 0, List.of("memory.used"))).as("live from memory")
			.hasSize((int) this.seq);
		assertThat(count(output.getAll(), "History cannot be written")).as("said once").isOne();

		Files.delete(filler);
		assertThat(this.store.checkpoint()).as("written again").isTrue();
		assertThat(this.store.failure()).isNull();
		assertThat(new HistoryHealth(this.store).health().getStatus())
			.isEqualTo(org.springframework.boot.health.contributor.Status.UP);
		assertThat(output.getAll()).contains("History is written again");
		append(10);
		this.store.awaitDurable("n1");
		assertEverySampleSurvivesACrash();
	}

	@Test
	void whenNoFileCanBeCreatedThenNothingIsAcknowledgedUntilOneCanAndThenEverythingIsWritten(CapturedOutput output)
			throws Exception {
		this.store = SeriesStore.open(SeriesStoreContractTests.defaults(), this.clock, this.disk);
		append(100);
		this.store.awaitDurable("n1");
		// every inode left taken: the next checkpoint cannot start a new log segment
		List<Path> fillers = new java.util.ArrayList<>();
		try {
			for (int i = 0; i < 100_000; i++) {
				Path filler = this.disk.resolve("filler-" + i);
				Files.createFile(filler);
				fillers.add(filler);
			}
		}
		catch (IOException noInodeLeft) {
			// as intended
		}
		assertThat(this.store.checkpoint()).isFalse();
		assertThat(this.store.failure()).isNotNull();
		append(50);
		assertThatExceptionOfType(StorageUnavailableException.class).isThrownBy(() -> this.store.awaitDurable("n1"));
		for (Path filler : fillers) {
			Files.delete(filler);
		}
		assertThat(this.store.checkpoint()).isTrue();
		this.store.awaitDurable("n1");
		assertThat(count(output.getAll(), "History cannot be written")).isOne();
		assertEverySampleSurvivesACrash();
	}

	private void assertEverySampleSurvivesACrash() {
		long appended = this.seq;
		DiskSeriesStoreTests.abandon(this.store);
		this.store = SeriesStore.open(SeriesStoreContractTests.defaults(), this.clock, this.disk);
		List<Row> rows = this.store.recent("n1", 100_000, 0, List.of("memory.used"));
		assertThat(rows).hasSize((int) appended);
		for (int i = 0; i < rows.size(); i++) {
			assertThat(rows.get(i).values()[0]).isEqualTo(i + 1);
		}
	}

	private void append(int count) {
		for (int i = 0; i < count; i++) {
			this.seq++;
			this.store.append("n1", this.clock.millis(), METRICS, new double[] { this.seq % 100, this.seq }, 1000,
					new Origin("run", this.seq, 0));
			this.clock.advance(Duration.ofSeconds(1));
		}
	}

	/** Takes every free byte of the disk. */
	private static Path fill(Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
			ByteBuffer block = ByteBuffer.allocate(64 * 1024);
			while (true) {
				block.clear();
				channel.write(block);
			}
		}
		catch (IOException full) {
			// as intended
		}
		return file;
	}

	private static long count(String text, String what) {
		return text.lines().filter((line) -> line.contains(what)).count();
	}

	private static int run(String... command) throws Exception {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
		}
		catch (IOException ex) {
			return -1;
		}
	}

}
