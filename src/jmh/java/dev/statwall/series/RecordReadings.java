package dev.statwall.series;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.GZIPOutputStream;

import dev.statwall.sampling.ProbeFactory;
import dev.statwall.sampling.Reading;
import dev.statwall.sampling.SystemProbe;

/**
 * Records this machine's real readings, one a second, as gzipped JSON lines
 * ({@code {"time":…,"values":{"cpu.usage":12.5,…}}}, {@code null} for n/a): the test resource the
 * compression test replays. Arguments: the output file and the number of samples.
 */
public final class RecordReadings {

	private RecordReadings() {
	}

	public static void main(String[] args) throws IOException {
		Path out = Path.of(args[0]);
		int samples = Integer.parseInt(args[1]);
		SystemProbe probe = ProbeFactory.create(new org.springframework.core.env.StandardEnvironment());
		probe.read(); // rates need a first read
		long next = System.nanoTime() + 1_000_000_000L;
		try (BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(
				new GZIPOutputStream(Files.newOutputStream(out)), StandardCharsets.UTF_8))) {
			for (int i = 0; i < samples; i++) {
				LockSupport.parkNanos(next - System.nanoTime());
				next += 1_000_000_000L;
				long time = System.currentTimeMillis();
				Reading reading = probe.read();
				StringBuilder line = new StringBuilder(4096).append("{\"time\":").append(time).append(",\"values\":{");
				boolean first = true;
				for (Map.Entry<String, Double> value : new TreeMap<>(reading.values()).entrySet()) {
					line.append(first ? "" : ",").append('"').append(value.getKey().replace("\"", "\\\"")).append("\":");
					double v = value.getValue();
					line.append(Double.isNaN(v) || Double.isInfinite(v) ? "null" : Double.toString(v));
					first = false;
				}
				writer.write(line.append("}}\n").toString());
			}
		}
	}

}
