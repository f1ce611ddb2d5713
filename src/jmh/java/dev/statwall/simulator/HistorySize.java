package dev.statwall.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

import dev.statwall.series.HistoryProperties;
import dev.statwall.series.HistorySizes;
import dev.statwall.series.Origin;
import dev.statwall.series.SeriesStore;
import dev.statwall.testing.MutableClock;

import org.springframework.util.unit.DataSize;

/**
 * Bytes on disk per sample, per tier: an hour of this machine's recorded metrics, and an hour of
 * simulated nodes (the simulator's load patterns). bench/history-size.sh runs it.
 */
public final class HistorySize {

	private HistorySize() {
	}

	public static void main(String[] args) throws IOException {
		int simulated = (args.length > 0) ? Integer.parseInt(args[0]) : 100;
		try (InputStream in = HistorySize.class.getResourceAsStream("/history/readings-hour.jsonl.gz")) {
			HistorySizes.report("this machine, recorded hour", HistorySizes.recorded(in));
		}
		try (InputStream in = HistorySize.class.getResourceAsStream("/history/readings-hour.jsonl.gz")) {
			dev.statwall.series.CodecComparison.report(in);
		}
		HistorySizes.report(simulated + " simulated nodes, one hour", simulatedHour(simulated));
	}

	private static HistorySizes.Result simulatedHour(int nodes) throws IOException {
		Path directory = Files.createTempDirectory("statwall-size");
		long start = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
		MutableClock clock = new MutableClock(Instant.ofEpochMilli(start));
		SeriesStore store = SeriesStore.open(HistorySizes.unlimited(), clock, directory);
		SplittableRandom random = new SplittableRandom(42);
		Load[] loads = new Load[nodes];
		for (int n = 0; n < nodes; n++) {
			SplittableRandom own = random.split();
			loads[n] = new Load(Load.kindOf(own), own);
		}
		long values = 0;
		for (int s = 0; s < 3600; s++) {
			long time = start + s * 1000L;
			clock.advance(Duration.ofMillis(time - clock.millis()));
			for (int n = 0; n < nodes; n++) {
				double[] sample = loads[n].values(s);
				store.append("sim-" + n, time, Load.METRICS, sample, 1000, new Origin("run", s + 1, 0));
				values += sample.length;
			}
		}
		return HistorySizes.seal(store, clock, directory, values, Load.METRICS.length * (long) nodes);
	}

}
