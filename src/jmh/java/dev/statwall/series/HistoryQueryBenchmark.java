package dev.statwall.series;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import dev.statwall.testing.MutableClock;

import org.springframework.util.unit.DataSize;

/**
 * One metric of one node over 1 h, 24 h, 7 d and 30 d, at 600 points, from a store on disk that
 * holds 31 days of this machine's recorded metrics at one sample a second (the recorded hour,
 * replayed over and over): what a chart or the history API costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HistoryQueryBenchmark {

	@Param({ "1h", "24h", "7d", "30d" })
	public String range;

	private SeriesStore store;

	private Path directory;

	private long now;

	private long span;

	@Setup(Level.Trial)
	public void fill() throws IOException {
		RecordedReadings readings;
		try (InputStream in = HistoryQueryBenchmark.class.getResourceAsStream("/history/readings-hour.jsonl.gz")) {
			readings = RecordedReadings.load(in);
		}
		this.directory = Files.createTempDirectory("statwall-query");
		long start = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
		MutableClock clock = new MutableClock(Instant.ofEpochMilli(start));
		this.store = SeriesStore.open(HistoryProperties.of(true,
				new HistoryProperties.Tier(Duration.ofDays(14), DataSize.ofGigabytes(10)),
				new HistoryProperties.Tier(Duration.ofDays(90), DataSize.ofGigabytes(2)),
				new HistoryProperties.Tier(Duration.ofDays(730), DataSize.ofGigabytes(1)), false, Duration.ofMinutes(5)),
				clock, this.directory);
		long samples = 31L * 86_400;
		long checkpointed = start;
		for (long i = 0; i < samples; i++) {
			int r = (int) (i % readings.size());
			long time = start + i * 1000;
			clock.advance(Duration.ofMillis(time - clock.millis()));
			this.store.append("node", time, readings.names.get(r), readings.values.get(r), 1000,
					new Origin("run", i + 1, 0));
			if (time - checkpointed >= 3_600_000) {
				this.store.checkpoint(); // as the scheduler does, so blocks reach the disk
				this.store.retain();
				checkpointed = time;
			}
		}
		this.store.checkpoint();
		this.now = clock.millis();
		this.span = switch (this.range) {
			case "1h" -> 3_600_000L;
			case "24h" -> 86_400_000L;
			case "7d" -> 7 * 86_400_000L;
			default -> 30 * 86_400_000L;
		};
	}

	@Benchmark
	public SeriesRange query() {
		return this.store.range("node", "cpu.usage", this.now - this.span, this.now, 600);
	}

	@TearDown(Level.Trial)
	public void close() throws IOException {
		System.out.printf("%n%s: store %d MB on disk; tier 0 %d MB, tier 1 %d MB, tier 2 %d MB%n", this.range,
				this.store.diskBytes() >> 20, this.store.tierBytes(0) >> 20, this.store.tierBytes(1) >> 20,
				this.store.tierBytes(2) >> 20);
		this.store.close();
		org.springframework.util.FileSystemUtils.deleteRecursively(this.directory);
	}

}
