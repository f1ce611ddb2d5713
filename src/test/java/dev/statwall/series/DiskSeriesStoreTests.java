package dev.statwall.series;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract, for a store on disk, and what only a store on disk does: survive its process. */
class DiskSeriesStoreTests extends SeriesStoreContractTests {

	@TempDir
	Path directory;

	@Override
	protected SeriesStore create(HistoryProperties properties) {
		return SeriesStore.open(properties, this.clock, this.directory);
	}

	@Override
	protected SeriesStore reopen(SeriesStore store, HistoryProperties properties) {
		store.close();
		return create(properties);
	}

	/** As a SIGKILL leaves it: no checkpoint, no close; only what the log holds. */
	private SeriesStore crashAndOpen(SeriesStore store) {
		abandon(store);
		return create(defaults());
	}

	static void abandon(SeriesStore store) {
		// the log is written at each awaitDurable; drop the store without writing anything more
		try {
			java.lang.reflect.Field blocks = SeriesStore.class.getDeclaredField("blocks");
			blocks.setAccessible(true);
			((MvBlocks) blocks.get(store)).abandon();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void everySampleMadeDurableIsThereAfterACrash() {
		for (int i = 0; i < 1300; i++) {
			this.store.append("n1", this.clock.millis(), METRICS, new double[] { i % 100, i, 1 }, 1000,
					new Origin("run-1", i + 1, 0));
			this.store.awaitDurable("n1");
			this.clock.advance(Duration.ofSeconds(1));
			if (i == 650) {
				this.store.checkpoint(); // a checkpoint in the middle: the rest is only in the log
			}
		}
		this.store = crashAndOpen(this.store);
		List<Row> rows = this.store.recent("n1", 2000, 0, List.of("memory.used"));
		assertThat(rows).hasSize(1300);
		assertThat(rows.get(1299).values()[0]).isEqualTo(1299);
		assertThat(this.store.node("n1").orElseThrow().runSeq()).isEqualTo(1300);
		// and it goes on from there
		this.store.append("n1", this.clock.millis(), METRICS, new double[] { 1, 1, 1 }, 1000,
				new Origin("run-1", 1301, 0));
		assertThat(this.store.node("n1").orElseThrow().lastSeq()).isEqualTo(1301);
	}

	@Test
	void namedStatesSurviveACheckpointARestartAndACrash() {
		this.store.saveState("alerts/a", new byte[] { 1, 2, 3 });
		this.store.saveState("alerts/b", new byte[] { 4 });
		this.store.checkpoint();
		this.store.saveState("alerts/b", new byte[0]); // removed after the checkpoint
		assertThat(this.store.awaitState(this.store.saveState("alerts/c", new byte[] { 5, 6 }))).isTrue();
		this.store = crashAndOpen(this.store);
		assertThat(this.store.states("alerts/")).containsExactly("alerts/a", "alerts/c");
		assertThat(this.store.state("alerts/a")).containsExactly(1, 2, 3);
		assertThat(this.store.state("alerts/b")).isNull();
		this.store = reopen(this.store, defaults());
		assertThat(this.store.state("alerts/c")).containsExactly(5, 6);
	}

	@Test
	void aTornLastRecordIsDroppedAndEverythingBeforeItKept() throws IOException {
		sample("n1", 20, (i) -> new double[] { i, i, i });
		this.store.awaitDurable("n1");
		abandon(this.store);
		Path log;
		try (var files = Files.list(this.directory.resolve(SeriesStore.LOG_DIRECTORY))) {
			log = files.sorted().reduce((a, b) -> b).orElseThrow();
		}
		byte[] bytes = Files.readAllBytes(log);
		Files.write(log, java.util.Arrays.copyOf(bytes, bytes.length - 3));
		this.store = create(defaults());
		assertThat(this.store.recent("n1", 100, 0, List.of("cpu.usage"))).hasSize(19);
	}

	@Test
	void aStoreFileThatCannotBeReadIsMovedAsideAndStatwallStartsEmpty() throws IOException {
		sample("n1", 700, (i) -> new double[] { i, i, i });
		this.store.close();
		Path file = this.directory.resolve(SeriesStore.FILE);
		byte[] garbage = new byte[(int) Files.size(file)];
		new java.util.Random(7).nextBytes(garbage);
		Files.write(file, garbage);
		deleteLog();
		this.store = create(defaults());
		assertThat(this.store.nodes()).isEmpty();
		try (var files = Files.list(this.directory)) {
			assertThat(files.map((p) -> p.getFileName().toString()))
				.anyMatch((name) -> name.startsWith(SeriesStore.FILE + ".unreadable-"));
		}
	}

	private void deleteLog() throws IOException {
		try (var files = Files.list(this.directory.resolve(SeriesStore.LOG_DIRECTORY))) {
			for (Path path : files.toList()) {
				Files.delete(path);
			}
		}
	}

}
