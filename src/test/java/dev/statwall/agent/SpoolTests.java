package dev.statwall.agent;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.statwall.agent.Spool.Entry;

import static org.assertj.core.api.Assertions.assertThat;

class SpoolTests {

	private static final String[] METRICS = { "cpu.usage" };

	@Test
	void whenTheSpoolIsFullThenTheOldestSampleIsDroppedAndCounted() {
		Spool spool = new Spool(3);
		for (long seq = 1; seq <= 5; seq++) {
			boolean room = spool.add(entry(seq, METRICS));
			assertThat(room).isEqualTo(seq <= 3);
		}
		assertThat(spool.size()).isEqualTo(3);
		assertThat(spool.dropped()).isEqualTo(2);
		assertThat(seqs(spool.peek(10))).containsExactly(3L, 4L, 5L);
		assertThat(spool.newestSeq()).isEqualTo(5);
	}

	@Test
	void whenSamplesAreDroppedWhileABatchIsInFlightThenRemovingTheBatchKeepsNewerSamples() {
		Spool spool = new Spool(3);
		spool.add(entry(1, METRICS));
		spool.add(entry(2, METRICS));
		List<Entry> inFlight = spool.peek(2);
		spool.add(entry(3, METRICS));
		spool.add(entry(4, METRICS)); // drops 1, which is in flight
		spool.removeThrough(inFlight.get(inFlight.size() - 1).seq());
		assertThat(seqs(spool.peek(10))).containsExactly(3L, 4L);
		assertThat(spool.dropped()).isEqualTo(1);
	}

	@Test
	void whenTheMetricsChangeThenABatchEndsWhereTheyChange() {
		Spool spool = new Spool(10);
		String[] more = { "cpu.usage", "disk.read" };
		spool.add(entry(1, METRICS));
		spool.add(entry(2, METRICS));
		spool.add(entry(3, more));
		assertThat(seqs(spool.peek(10))).containsExactly(1L, 2L);
		spool.removeThrough(2);
		assertThat(seqs(spool.peek(10))).containsExactly(3L);
	}

	@Test
	void whenPeekingThenAtMostTheAskedNumberOldestFirstAndNothingIsRemoved() {
		Spool spool = new Spool(10);
		for (long seq = 1; seq <= 6; seq++) {
			spool.add(entry(seq, METRICS));
		}
		assertThat(seqs(spool.peek(4))).containsExactly(1L, 2L, 3L, 4L);
		assertThat(spool.size()).isEqualTo(6);
		spool.removeThrough(100);
		assertThat(spool.size()).isZero();
		assertThat(spool.peek(4)).isEmpty();
		assertThat(spool.newestSeq()).isZero();
	}

	private static Entry entry(long seq, String[] metrics) {
		return new Entry(seq, seq * 1000, metrics, new double[metrics.length]);
	}

	private static List<Long> seqs(List<Entry> entries) {
		return entries.stream().map(Entry::seq).toList();
	}

}
