package dev.statwall.hub;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.statwall.buffer.CyclicBuffer;
import dev.statwall.buffer.Row;
import dev.statwall.hub.NodeRegistry.NodeForgotten;
import dev.statwall.hub.NodeRegistry.Taken;

import static org.assertj.core.api.Assertions.assertThat;

/** A checkpoint, then a new hub on the same data directory: the same nodes, rows, epochs and sequence numbers. */
class HubStoreTests {

	@TempDir
	Path data;

	@Test
	void whenTheHubRestartsThenEveryNodeIsBackWithItsBuffersEpochsAndSequenceNumbers() {
		HubFixture before = new HubFixture();
		HubStore store = new HubStore(this.data, before.nodes, before.buffers, before.dashboard);
		before.nodes.ingest(before.batch("pi-07", "run-1", 1, 20));
		before.nodes.ingest(before.batch("pi-08", "run-9", 5, 3));
		store.destroy(); // a clean stop checkpoints last

		HubFixture after = new HubFixture();
		after.clock.advance(Duration.ofSeconds(1));
		new HubStore(this.data, after.nodes, after.buffers, after.dashboard);

		for (String buffer : List.of("pi-07/monitor.cpu_stats", "pi-07/monitor.mem_stats", "pi-07/samples",
				"pi-08/monitor.cpu_stats")) {
			CyclicBuffer was = before.buffers.findCyclic(buffer).orElseThrow();
			CyclicBuffer is = after.buffers.findCyclic(buffer).orElseThrow();
			assertThat(is.epoch()).as(buffer).isEqualTo(was.epoch());
			assertThat(is.lastSeq()).as(buffer).isEqualTo(was.lastSeq());
			assertThat(is.columns()).isEqualTo(was.columns());
			assertThat(times(is.rows())).isEqualTo(times(was.rows()));
			assertThat(is.rows()).extracting(Row::seq).isEqualTo(was.rows().stream().map(Row::seq).toList());
		}
		assertThat(after.nodes.find("pi-07").orElseThrow()).satisfies((state) -> {
			assertThat(state.lastSeen()).isEqualTo(before.nodes.find("pi-07").orElseThrow().lastSeen());
			assertThat(state.vitals().cpu()).isEqualTo(20.0);
			assertThat(state.values()).containsEntry("memory.usage", 50.0);
		});
		// delivery carries on where it was: a resend is a duplicate, the next sample is new
		Taken resent = after.nodes.ingest(after.batch("pi-07", "run-1", 19, 3));
		assertThat(resent).isEqualTo(new Taken(1, 2, 21));
		assertThat(after.buffers.findCyclic("pi-07/monitor.cpu_stats").orElseThrow().lastSeq()).isEqualTo(21);
	}

	@Test
	void whenANodeIsForgottenThenItDoesNotComeBackAfterARestart() {
		HubFixture before = new HubFixture();
		HubStore store = new HubStore(this.data, before.nodes, before.buffers, before.dashboard);
		before.nodes.ingest(before.batch("pi-07", "run-1", 1, 2));
		before.nodes.ingest(before.batch("pi-08", "run-1", 1, 2));
		store.checkpoint();
		before.clock.advance(Duration.ofMinutes(1));
		before.nodes.forget("pi-07");
		store.forgotten(new NodeForgotten("pi-07"));
		store.destroy();

		HubFixture after = new HubFixture();
		new HubStore(this.data, after.nodes, after.buffers, after.dashboard);
		assertThat(after.nodes.find("pi-07")).isEmpty();
		assertThat(after.nodes.find("pi-08")).isPresent();
	}

	@Test
	void whenOnlySomeNodesChangedThenACheckpointWritesOnlyThoseAndACrashLosesAtMostTheLastInterval() {
		HubFixture before = new HubFixture();
		HubStore store = new HubStore(this.data, before.nodes, before.buffers, before.dashboard);
		before.nodes.ingest(before.batch("pi-07", "run-1", 1, 2));
		store.checkpoint();
		before.nodes.ingest(before.batch("pi-07", "run-1", 3, 1)); // after the last checkpoint: lost in a crash
		// no destroy(): the process dies here; MVStore keeps what the last commit wrote

		HubFixture after = new HubFixture();
		closeWithoutCheckpoint(store);
		new HubStore(this.data, after.nodes, after.buffers, after.dashboard);
		assertThat(after.taken("pi-07")).containsExactly(1L, 2L);
	}

	private static void closeWithoutCheckpoint(HubStore store) {
		// the same file cannot be opened twice in one JVM; a crash would have released it
		try {
			java.lang.reflect.Field field = HubStore.class.getDeclaredField("store");
			field.setAccessible(true);
			((org.h2.mvstore.MVStore) field.get(store)).closeImmediately();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<Long> times(List<Row> rows) {
		return rows.stream().map(Row::time).toList();
	}

}
