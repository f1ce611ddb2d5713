package dev.statwall.series;

import java.io.FileInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import dev.statwall.testing.MutableClock;

import org.springframework.util.unit.DataSize;

/** Scratch: bytes per sample of a recording. */
public final class CompressionProbe {

	public static void main(String[] args) throws Exception {
		RecordedReadings readings = RecordedReadings.load(new FileInputStream(args[0]));
		Path dir = Files.createTempDirectory("probe");
		MutableClock clock = new MutableClock(Instant.ofEpochMilli(readings.times.get(0)));
		HistoryProperties props = HistoryProperties.of(true, new HistoryProperties.Tier(Duration.ofDays(14), DataSize.ofGigabytes(10)),
				new HistoryProperties.Tier(Duration.ofDays(90), DataSize.ofGigabytes(2)),
				new HistoryProperties.Tier(Duration.ofDays(730), DataSize.ofGigabytes(1)), false, Duration.ofMinutes(5));
		SeriesStore store = SeriesStore.open(props, clock, dir);
		for (int i = 0; i < readings.size(); i++) {
			clock.advance(Duration.ofMillis(readings.times.get(i) - clock.millis()));
			store.append("n", readings.times.get(i), readings.names.get(i), readings.values.get(i), 1000, new Origin("r", i + 1, 0));
		}
		clock.advance(Duration.ofMinutes(11));
		store.append("n", clock.millis(), readings.names.get(0), readings.values.get(0), 1000, new Origin("r", readings.size() + 1, 0));
		store.checkpoint();
		long values = readings.values();
		System.out.printf("samples %d values %d tier0 %d bytes = %.3f B/value; tier1 %d; tier2 %d%n", readings.size(), values,
				store.tierBytes(0), store.tierBytes(0) / (double) values, store.tierBytes(1), store.tierBytes(2));
		store.close();
		System.out.printf("file %d bytes = %.3f B/value%n", Files.size(dir.resolve("statwall.mv.db")),
				Files.size(dir.resolve("statwall.mv.db")) / (double) values);
	}

}
