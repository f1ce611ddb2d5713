package dev.statwall.series;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import dev.statwall.testing.MutableClock;

import org.springframework.util.unit.DataSize;

/** What history costs on disk, measured on a store filled with known samples: for the compression test and the benchmark. */
public final class HistorySizes {

	private HistorySizes() {
	}

	/** Limits that never drop anything in an hour. */
	public static HistoryProperties unlimited() {
		return HistoryProperties.of(true, new HistoryProperties.Tier(Duration.ofDays(14), DataSize.ofGigabytes(10)),
				new HistoryProperties.Tier(Duration.ofDays(90), DataSize.ofGigabytes(2)),
				new HistoryProperties.Tier(Duration.ofDays(730), DataSize.ofGigabytes(1)), false, Duration.ofMinutes(5));
	}

	/** The recorded readings into a fresh store on disk, one node. */
	public static Result recorded(InputStream gzipped) throws IOException {
		RecordedReadings readings = RecordedReadings.load(gzipped);
		Path directory = Files.createTempDirectory("statwall-size");
		MutableClock clock = new MutableClock(Instant.ofEpochMilli(readings.times.get(0)));
		SeriesStore store = SeriesStore.open(unlimited(), clock, directory);
		for (int i = 0; i < readings.size(); i++) {
			clock.advance(Duration.ofMillis(readings.times.get(i) - clock.millis()));
			store.append("node", readings.times.get(i), readings.names.get(i), readings.values.get(i), 1000,
					new Origin("run", i + 1, 0));
		}
		return seal(store, clock, directory, readings.values(), readings.names.get(0).length);
	}

	/**
	 * Seals every block (a day later every node sends once more, so minute, hour and day blocks
	 * close), commits, closes, and measures.
	 * @param values samples appended, over all metrics
	 * @param series metrics over all nodes
	 */
	public static Result seal(SeriesStore store, MutableClock clock, Path directory, long values, long series)
			throws IOException {
		// a sample a minute for two hours, a day later: minute, hour and day blocks all close
		clock.advance(Duration.ofDays(1));
		for (int minute = 0; minute < 121; minute++) {
			clock.advance(Duration.ofMinutes(1));
			for (NodeInfo node : store.nodes()) {
				store.append(node.name(), clock.millis(), new String[] { node.metrics().get(0) }, new double[] { 0 }, 60_000,
						new Origin("later", minute + 1, 0));
			}
		}
		store.checkpoint();
		long tier0 = store.tierBytes(0);
		long tier1 = store.tierBytes(1);
		long tier2 = store.tierBytes(2);
		store.close();
		long file = Files.size(directory.resolve(SeriesStore.FILE));
		org.springframework.util.FileSystemUtils.deleteRecursively(directory);
		return new Result(values, series, tier0, tier1, tier2, file);
	}

	public static void report(String what, Result result) {
		System.out.printf("%s: %,d samples of %,d series%n", what, result.values(), result.series());
		System.out.printf("  tier 0: %,d bytes, %.3f bytes per sample%n", result.tier0(), result.perSample());
		System.out.printf("  tier 1: %,d bytes, %.2f bytes per series-minute (min, max, sum, count)%n", result.tier1(),
				result.tier1() / (double) (result.series() * 60));
		System.out.printf("  tier 2: %,d bytes, %.2f bytes per series-hour%n", result.tier2(),
				result.tier2() / (double) result.series());
		System.out.printf("  the whole file: %,d bytes, %.3f bytes per sample%n", result.file(),
				result.file() / (double) result.values());
	}

	/**
	 * Sizes.
	 *
	 * @param values samples appended
	 * @param series metrics over all nodes
	 * @param tier0 bytes of tier 0 blocks
	 * @param tier1 bytes of tier 1 blocks
	 * @param tier2 bytes of tier 2 blocks
	 * @param file bytes of the store's file after closing
	 */
	public record Result(long values, long series, long tier0, long tier1, long tier2, long file) {

		public double perSample() {
			return this.tier0 / (double) this.values;
		}

	}

}
