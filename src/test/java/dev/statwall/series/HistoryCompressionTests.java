package dev.statwall.series;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier 0 on disk stays at or under one byte a sample, on an hour of this machine's real metrics
 * recorded one a second (bench/record-readings.sh made the resource): CPU per core, memory,
 * network and disks per device, file systems, load, processes, uptime.
 */
class HistoryCompressionTests {

	@Test
	void anHourOfRealReadingsTakesAtMostOneByteASampleInTierZero() throws IOException {
		HistorySizes.Result size;
		try (InputStream in = getClass().getResourceAsStream("/history/readings-hour.jsonl.gz")) {
			assertThat(in).as("the recorded hour").isNotNull();
			size = HistorySizes.recorded(in);
		}
		assertThat(size.values()).as("an hour of samples of every metric").isGreaterThan(3_500L * 50);
		assertThat(size.perSample()).as("bytes per sample in tier 0: %s", size).isLessThanOrEqualTo(1.0);
		assertThat(size.tier1()).as("minutes are written too").isPositive();
	}

}
