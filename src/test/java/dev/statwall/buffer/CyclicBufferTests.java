package dev.statwall.buffer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CyclicBufferTests {

	private final CyclicBuffer buffer = new CyclicBuffer(List.of("usage"), 15, 7);

	@Test
	void whenRowsAreAppendedThenEachGetsTheNextSequenceNumber() {
		Row first = this.buffer.append(1000, new double[] { 4.2 });
		Row second = this.buffer.append(2000, new double[] { 4.9 });
		assertThat(first.seq()).isEqualTo(1);
		assertThat(second.seq()).isEqualTo(2);
		assertThat(this.buffer.rows()).extracting(Row::time).containsExactly(1000L, 2000L);
		assertThat(this.buffer.latest()).isEqualTo(second);
	}

	@Test
	void whenBufferIsFullThenOldestRowIsDropped() {
		for (int tick = 1; tick <= 20; tick++) {
			this.buffer.append(tick, new double[] { tick });
		}
		List<Row> rows = this.buffer.rows();
		assertThat(rows).hasSize(15);
		assertThat(rows.get(0).seq()).isEqualTo(6);
		assertThat(rows.get(14).seq()).isEqualTo(20);
		assertThat(rows).extracting((row) -> row.value(0)).startsWith(6.0).endsWith(20.0);
	}

	@Test
	void whenAskedForRowsAfterASequenceThenOnlyNewerRowsComeBack() {
		for (int tick = 1; tick <= 10; tick++) {
			this.buffer.append(tick, new double[] { tick });
		}
		assertThat(this.buffer.rowsAfter(7)).extracting(Row::seq).containsExactly(8L, 9L, 10L);
		assertThat(this.buffer.rowsAfter(10)).isEmpty();
		assertThat(this.buffer.rowsAfter(0)).hasSize(10);
	}

	@Test
	void whenTheClientIsFurtherBehindThanTheBufferThenItGetsWhatIsLeft() {
		for (int tick = 1; tick <= 40; tick++) {
			this.buffer.append(tick, new double[] { tick });
		}
		assertThat(this.buffer.rowsAfter(3)).extracting(Row::seq).first().isEqualTo(26L);
	}

	@Test
	void whenARowHasTheWrongNumberOfValuesThenItIsRefusedAndNothingChanges() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.buffer.append(1, new double[] { 1, 2 }))
			.withMessageContaining("usage");
		assertThat(this.buffer.lastSeq()).isZero();
	}

	@Test
	void whenCallerChangesItsArrayAfterAppendingThenTheRowKeepsItsValue() {
		double[] values = { 1.0 };
		this.buffer.append(1, values);
		values[0] = 99;
		assertThat(this.buffer.rows().get(0).value(0)).isEqualTo(1.0);
	}

	@Test
	void whenTheSamplerWritesWhileManyThreadsReadThenEveryReadIsGaplessAndOrdered() throws Exception {
		CyclicBuffer shared = new CyclicBuffer(List.of("tick", "usage"), 15, 1);
		int readers = 8;
		ExecutorService pool = Executors.newFixedThreadPool(readers + 1);
		AtomicBoolean writing = new AtomicBoolean(true);
		CountDownLatch started = new CountDownLatch(readers);
		List<Future<Long>> reads = new ArrayList<>();
		for (int r = 0; r < readers; r++) {
			reads.add(pool.submit(() -> {
				started.countDown();
				long checked = 0;
				long after = 0;
				while (writing.get()) {
					List<Row> rows = shared.rowsAfter((checked % 3 == 0) ? 0 : after);
					assertThat(rows.size()).isLessThanOrEqualTo(15);
					for (int i = 0; i < rows.size(); i++) {
						Row row = rows.get(i);
						// every row is whole: its values were written together with its seq
						assertThat(row.value(0)).isEqualTo((double) row.seq());
						assertThat(row.value(1)).isEqualTo(row.seq() * 2.0);
						if (i > 0) {
							assertThat(row.seq()).isEqualTo(rows.get(i - 1).seq() + 1);
						}
					}
					if (!rows.isEmpty()) {
						after = rows.get(rows.size() - 1).seq() - 5;
					}
					checked++;
				}
				return checked;
			}));
		}
		Future<?> writer = pool.submit(() -> {
			try {
				started.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			for (long seq = 1; seq <= 300_000; seq++) {
				shared.append(seq, new double[] { seq, seq * 2.0 });
			}
			writing.set(false);
		});
		writer.get(60, TimeUnit.SECONDS);
		long totalReads = 0;
		for (Future<Long> read : reads) {
			totalReads += read.get(10, TimeUnit.SECONDS);
		}
		pool.shutdown();
		assertThat(shared.lastSeq()).isEqualTo(300_000);
		assertThat(shared.rows()).extracting(Row::seq).first().isEqualTo(299_986L);
		assertThat(totalReads).isGreaterThan(readers);
	}

}
