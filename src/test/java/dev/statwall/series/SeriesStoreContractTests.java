package dev.statwall.series;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.statwall.testing.MutableClock;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * What every series store does, whatever keeps its blocks: run once per implementation.
 */
abstract class SeriesStoreContractTests {

	static final Instant START = Instant.parse("2026-11-02T00:00:00Z");

	static final String[] METRICS = { "cpu.usage", "memory.used", "load.1" };

	protected final MutableClock clock = new MutableClock(START);

	protected SeriesStore store;

	/** A store with these limits, kept where the implementation keeps it. */
	protected abstract SeriesStore create(HistoryProperties properties);

	/** The same store after a clean restart; implementations without disk return it unchanged. */
	protected abstract SeriesStore reopen(SeriesStore store, HistoryProperties properties);

	static HistoryProperties defaults() {
		return HistoryProperties.of(true, new HistoryProperties.Tier(Duration.ofDays(14), DataSize.ofGigabytes(10)),
				new HistoryProperties.Tier(Duration.ofDays(90), DataSize.ofGigabytes(2)),
				new HistoryProperties.Tier(Duration.ofDays(730), DataSize.ofGigabytes(1)), false, Duration.ofMinutes(5));
	}

	@BeforeEach
	void open() {
		this.store = create(defaults());
	}

	@AfterEach
	void close() {
		this.store.close();
	}

	/** Appends one sample a second for {@code seconds}, with values from {@code value}. */
	void sample(String node, int seconds, java.util.function.IntFunction<double[]> value) {
		for (int i = 0; i < seconds; i++) {
			this.store.append(node, this.clock.millis(), METRICS, value.apply(i), 1000, new Origin("run-1", seq++, 0));
			this.clock.advance(Duration.ofSeconds(1));
		}
	}

	private long seq = 1;

	@Test
	void appendedRowsReadBackExactlyAsTheyWerePushed() {
		List<Row> pushed = new ArrayList<>();
		for (int i = 0; i < 1500; i++) {
			double[] values = { 12.3456 + (i % 17), 1.5e9 + i * 4096.7, (i % 100) / 7.0 };
			pushed.addAll(this.store.append("n1", this.clock.millis(), METRICS, values, 1000,
					new Origin("run-1", i + 1, 0)).rows());
			this.clock.advance(Duration.ofSeconds(1));
		}
		// rounded once, to the metric's precision: percent to 0.01, bytes to 1, load to 0.01
		assertThat(pushed.get(0).values()).containsExactly(12.35, 1.5e9, 0.0);
		assertThat(pushed.get(1).values()).containsExactly(13.35, 1500004097.0, 0.14);
		List<Row> read = this.store.recent("n1", 1500, 0, List.of(METRICS));
		assertThat(read).hasSize(1500);
		for (int i = 0; i < read.size(); i++) {
			assertThat(read.get(i).seq()).isEqualTo(pushed.get(i).seq());
			assertThat(read.get(i).time()).isEqualTo(pushed.get(i).time());
			assertThat(read.get(i).values()).containsExactly(pushed.get(i).values());
		}
		// across the blocks sealed meanwhile (ten minutes each), from history
		SeriesRange range = this.store.range("n1", "memory.used", START.toEpochMilli(), this.clock.millis(), 10_000);
		assertThat(range.tier()).isZero();
		assertThat(range.size()).isEqualTo(1500);
		for (int i = 0; i < 1500; i++) {
			assertThat(range.time()[i]).isEqualTo(pushed.get(i).time());
			assertThat(range.avg()[i]).isEqualTo(pushed.get(i).values()[1]);
		}
	}

	@Test
	void recentRowsAfterASequenceNumberAreOnlyTheNewOnes() {
		sample("n1", 700, (i) -> new double[] { i, i, i });
		List<Row> after = this.store.recent("n1", 60, 690, List.of("cpu.usage", "no.such"));
		assertThat(after).extracting(Row::seq).containsExactly(691L, 692L, 693L, 694L, 695L, 696L, 697L, 698L, 699L, 700L);
		assertThat(after.get(0).values()[0]).isEqualTo(690);
		assertThat(after.get(0).values()[1]).isNaN();
		assertThat(this.store.recent("n1", 15, 0, List.of("cpu.usage"))).extracting(Row::seq).startsWith(686L)
			.hasSize(15);
	}

	@Test
	void rollupsKeepMinMaxAndAverageOfEveryMinuteAndHour() {
		// three minutes: values 0..59, 60..119, 120..179; a 5 s spike to 99 in the second minute
		sample("n1", 180, (i) -> new double[] { (i >= 70 && i < 75) ? 99 : i % 60, 1000 + i, 1 });
		sample("n1", 3600, (i) -> new double[] { 1, 1, 1 }); // so the first hour closes
		SeriesRange minutes = this.store.range("n1", "cpu.usage", START.toEpochMilli(),
				START.toEpochMilli() + 3 * 60_000 - 1, 3);
		assertThat(minutes.tier()).isEqualTo(1);
		assertThat(minutes.step()).isEqualTo(60_000);
		assertThat(minutes.min()).containsExactly(0, 0, 0);
		assertThat(minutes.max()).containsExactly(59, 99, 59);
		assertThat(minutes.avg()[0]).isCloseTo(29.5, within(1e-9));
		assertThat(minutes.avg()[1]).isCloseTo((1770 - (10 + 11 + 12 + 13 + 14) + 5 * 99) / 60.0, within(1e-9));
		SeriesRange hour = this.store.range("n1", "memory.used", START.toEpochMilli(),
				START.toEpochMilli() + 3_600_000 - 1, 1);
		assertThat(hour.tier()).isEqualTo(2);
		assertThat(hour.min()).containsExactly(1);
		assertThat(hour.max()).containsExactly(1179);
		// the spike is still there in the hour's max of cpu
		assertThat(this.store.range("n1", "cpu.usage", START.toEpochMilli(), START.toEpochMilli() + 3_600_000 - 1, 1)
			.max()).containsExactly(99);
	}

	@Test
	void aRangeWithMoreSamplesThanPointsIsBucketedWithItsMinAndMax() {
		sample("n1", 120, (i) -> new double[] { i, i, i });
		SeriesRange range = this.store.range("n1", "cpu.usage", START.toEpochMilli(), START.toEpochMilli() + 119_999, 12);
		assertThat(range.tier()).isZero();
		assertThat(range.size()).isEqualTo(12);
		assertThat(range.step()).isEqualTo(10_000);
		assertThat(range.min()[3]).isEqualTo(30);
		assertThat(range.max()[3]).isEqualTo(39);
		assertThat(range.avg()[3]).isEqualTo(34.5);
	}

	@Test
	void aSilentNodeHasAGapInEveryTier() {
		sample("n1", 600, (i) -> new double[] { 10, 10, 10 });
		this.clock.advance(Duration.ofMinutes(30)); // offline
		List<Row> rows = this.store.append("n1", this.clock.millis(), METRICS, new double[] { 20, 20, 20 }, 1000,
				new Origin("run-2", 1, 0)).rows();
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0).values()).containsOnly(Double.NaN);
		assertThat(rows.get(0).time()).isEqualTo(START.toEpochMilli() + 600_000);
		sample("n1", 600, (i) -> new double[] { 20, 20, 20 });
		long end = this.clock.millis();
		SeriesRange raw = this.store.range("n1", "cpu.usage", START.toEpochMilli(), end, 10_000);
		assertThat(raw.tier()).isZero();
		assertThat(raw.avg()).contains(Double.NaN);
		// two-minute points from tier 1: the half hour of silence is fifteen empty ones
		SeriesRange minutes = this.store.range("n1", "cpu.usage", START.toEpochMilli(), end, 40);
		assertThat(minutes.tier()).isEqualTo(1);
		assertThat(minutes.step()).isEqualTo(120_000);
		long empty = java.util.Arrays.stream(minutes.avg()).filter(Double::isNaN).count();
		assertThat(empty).isBetween(14L, 16L);
		assertThat(minutes.avg()[0]).isEqualTo(10);
		assertThat(minutes.avg()[minutes.size() - 2]).isEqualTo(20);
		// hours: the silence is inside one hour, which has both
		SeriesRange hours = this.store.range("n1", "cpu.usage", START.toEpochMilli(), START.toEpochMilli() + 3_599_999, 1);
		assertThat(hours.tier()).isEqualTo(2);
		assertThat(hours.min()).containsExactly(10);
		assertThat(hours.max()).containsExactly(20);
	}

	@Test
	void retentionDropsWhatIsOlderThanEachTierKeeps() {
		sample("n1", 1200, (i) -> new double[] { 5, 5, 5 });
		this.store.checkpoint();
		this.clock.advance(Duration.ofDays(15));
		sample("n1", 10, (i) -> new double[] { 7, 7, 7 });
		this.store.checkpoint();
		this.store.retain();
		long from = START.toEpochMilli();
		long to = from + 1_199_000;
		// tier 0 keeps 14 days: the first twenty minutes are gone from it, but not from tier 1
		assertThat(this.store.recent("n1", 2000, 0, List.of("cpu.usage"))).hasSize(10);
		SeriesRange minutes = this.store.range("n1", "cpu.usage", from, to, 20);
		assertThat(minutes.tier()).isEqualTo(1);
		assertThat(minutes.avg()).containsOnly(5.0);
		this.clock.advance(Duration.ofDays(80));
		sample("n1", 1, (i) -> new double[] { 7, 7, 7 });
		this.store.checkpoint();
		this.store.retain();
		SeriesRange hours = this.store.range("n1", "cpu.usage", from, to, 20);
		assertThat(hours.tier()).isEqualTo(2);
		assertThat(hours.avg()).containsOnly(5.0);
	}

	@Test
	void retentionBySizeDropsTheOldestFirst() {
		this.store.close();
		HistoryProperties small = HistoryProperties.of(true,
				new HistoryProperties.Tier(Duration.ofDays(14), DataSize.ofKilobytes(20)),
				new HistoryProperties.Tier(Duration.ofDays(90), DataSize.ofGigabytes(2)),
				new HistoryProperties.Tier(Duration.ofDays(730), DataSize.ofGigabytes(1)), false, Duration.ofMinutes(5));
		this.store = create(small);
		for (int hour = 0; hour < 6; hour++) {
			sample("n1", 3600, (i) -> new double[] { (i * 7919) % 100, 1e9 + (i * 104729) % 1_000_000, i % 13 });
			this.store.checkpoint();
			this.store.retain();
		}
		assertThat(this.store.tierBytes(0)).isLessThanOrEqualTo(20 * 1024);
		assertThat(this.store.tierBytes(0)).isPositive();
		long start = START.toEpochMilli();
		// the first hours are gone from tier 0, the newest kept
		assertThat(this.store.recent("n1", 100_000, 0, List.of("cpu.usage")).get(0).time())
			.isGreaterThan(start + 3 * 3_600_000);
		assertThat(this.store.recent("n1", 10, 0, List.of("cpu.usage"))).hasSize(10);
	}

	@Test
	void readersNeverSeeATornOrMisnumberedRowWhileAWriterAppends() throws Exception {
		int samples = 6_000;
		java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
		java.util.concurrent.ConcurrentLinkedQueue<String> problems = new java.util.concurrent.ConcurrentLinkedQueue<>();
		long start = this.clock.millis();
		Thread writer = new Thread(() -> {
			for (int i = 0; i < samples; i++) {
				this.store.append("n1", start + i * 1000L, METRICS, new double[] { i % 100, i, i % 7 }, 1000,
						new Origin("run-1", i + 1, 0));
			}
			done.set(true);
		});
		List<Thread> readers = new ArrayList<>();
		for (int r = 0; r < 4; r++) {
			Thread reader = new Thread(() -> {
				while (!done.get() && problems.isEmpty()) {
					List<Row> rows = this.store.recent("n1", 120, 0, List.of("memory.used", "cpu.usage"));
					for (int i = 0; i < rows.size(); i++) {
						Row row = rows.get(i);
						long n = row.seq() - 1; // sample i has seq i + 1 and memory.used i
						if (row.values()[0] != n || row.values()[1] != n % 100 || row.time() != start + n * 1000
								|| (i > 0 && row.seq() != rows.get(i - 1).seq() + 1)) {
							problems.add("row " + row.seq() + " at " + i + ": " + java.util.Arrays.toString(row.values()));
						}
					}
					SeriesRange range = this.store.range("n1", "memory.used", start, start + samples * 1000L, 10_000);
					for (int i = 1; i < range.size(); i++) {
						if (range.avg()[i] != range.avg()[i - 1] + 1) {
							problems.add("range point " + i + ": " + range.avg()[i - 1] + " then " + range.avg()[i]);
						}
					}
				}
			});
			readers.add(reader);
		}
		readers.forEach(Thread::start);
		writer.start();
		writer.join(60_000);
		for (Thread reader : readers) {
			reader.join(60_000);
		}
		assertThat(problems).isEmpty();
		assertThat(this.store.node("n1").orElseThrow().lastSeq()).isEqualTo(samples);
	}

	@Test
	void aSampleOlderThanTheNewestIsRefusedAndChangesNothing() {
		sample("n1", 10, (i) -> new double[] { 1, 1, 1 });
		NodeInfo before = this.store.node("n1").orElseThrow();
		assertThatExceptionOfType(OutOfOrderException.class).isThrownBy(() -> this.store.append("n1",
				this.clock.millis() - 5000, new String[] { "new.metric" }, new double[] { 1 }, 1000,
				new Origin("run-9", 1, 0)));
		NodeInfo after = this.store.node("n1").orElseThrow();
		assertThat(after.lastSeq()).isEqualTo(before.lastSeq());
		assertThat(after.metrics()).isEqualTo(before.metrics());
		assertThat(after.run()).isEqualTo("run-1");
	}

	@Test
	void newMetricsJoinAndMissingOnesAreNotAvailable() {
		sample("n1", 5, (i) -> new double[] { 1, 2, 3 });
		this.store.append("n1", this.clock.millis(), new String[] { "cpu.usage", "disk.read" }, new double[] { 4, 5 },
				1000, new Origin("run-1", 100, 0));
		List<Row> rows = this.store.recent("n1", 2, 0, List.of("cpu.usage", "memory.used", "disk.read"));
		assertThat(rows.get(0).values()).containsExactly(1, 2, Double.NaN);
		assertThat(rows.get(1).values()).containsExactly(4, Double.NaN, 5);
	}

	@Test
	void originsAreKeptWithEverySampleAndSurviveARestart() {
		sample("n1", 700, (i) -> new double[] { 1, 1, 1 });
		this.store.append("n1", this.clock.millis(), METRICS, new double[] { 1, 1, 1 }, 1000,
				new Origin("run-2", 1, 3));
		this.store = reopen(this.store, defaults());
		List<Row> origins = this.store.origins("n1", 695, 100);
		assertThat(origins).extracting(Row::seq).containsExactly(696L, 697L, 698L, 699L, 700L, 701L);
		assertThat(origins.get(4).values()).containsExactly(700, 1);
		assertThat(origins.get(5).values()).containsExactly(1, 2);
		NodeInfo node = this.store.node("n1").orElseThrow();
		assertThat(node.run()).isEqualTo("run-2");
		assertThat(node.runSeq()).isEqualTo(1);
		assertThat(node.runs()).isEqualTo(2);
		assertThat(node.pastRuns()).containsExactly("run-1");
		assertThat(node.dropped()).isEqualTo(3);
	}

	@Test
	void whenSendersReportHugeDroppedCountsThenTheTotalSaturatesInsteadOfOverflowing() {
		long now = this.clock.millis();
		this.store.append("n1", now, METRICS, new double[] { 1, 1, 1 }, 1000, new Origin("run-1", 1, Long.MAX_VALUE - 10));
		this.store.append("n1", now + 1000, METRICS, new double[] { 1, 1, 1 }, 1000, new Origin("run-2", 1, Long.MAX_VALUE));
		this.store.append("n1", now + 2000, METRICS, new double[] { 1, 1, 1 }, 1000, new Origin("run-3", 1, 5));
		assertThat(this.store.node("n1").orElseThrow().dropped()).isEqualTo(Long.MAX_VALUE);
		this.store = reopen(this.store, defaults());
		assertThat(this.store.node("n1").orElseThrow().dropped()).as("after a restart").isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void aNodeWithHundredsOfCoresDisksAndMountsRoundTrips() {
		// no field small enough for real hardware to overflow: 1,000 metrics, a long text
		String[] names = new String[1000];
		double[] values = new double[names.length];
		for (int i = 0; i < names.length; i++) {
			names[i] = (i < 512) ? "cpu.core." + i + ".usage" : "fs./mnt/volume-" + i + ".usage";
			values[i] = i % 100;
		}
		for (int s = 0; s < 700; s++) {
			this.store.append("big", this.clock.millis(), names, values, 1000, new Origin("run-1", s + 1, 0));
			this.clock.advance(Duration.ofSeconds(1));
		}
		this.store.texts("big", java.util.Map.of("system.os", "x".repeat(10_000)));
		this.store = reopen(this.store, defaults());
		NodeInfo big = this.store.node("big").orElseThrow();
		assertThat(big.metrics()).hasSize(1000);
		assertThat(big.texts().get("system.os")).hasSize(10_000);
		assertThat(big.value("cpu.core.511.usage")).isEqualTo(11);
		assertThat(this.store.recent("big", 700, 0, List.of("fs./mnt/volume-999.usage"))).hasSize(700)
			.allMatch((row) -> row.values()[0] == 99);
	}

	@Test
	void forgettingANodeRemovesAllItsSeries() {
		sample("n1", 700, (i) -> new double[] { 1, 1, 1 });
		sample("n2", 10, (i) -> new double[] { 1, 1, 1 });
		this.store.checkpoint();
		assertThat(this.store.forget("n1")).isTrue();
		this.store.checkpoint();
		this.store = reopen(this.store, defaults());
		assertThat(this.store.node("n1")).isEmpty();
		assertThat(this.store.recent("n1", 100, 0, List.of("cpu.usage"))).isEmpty();
		assertThat(this.store.node("n2")).isPresent();
		// the same name starts afresh, in a new history
		this.store.append("n1", this.clock.millis(), METRICS, new double[] { 2, 2, 2 }, 1000, new Origin("r", 1, 0));
		assertThat(this.store.recent("n1", 100, 0, List.of("cpu.usage"))).hasSize(1);
	}

}
