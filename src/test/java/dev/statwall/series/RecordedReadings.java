package dev.statwall.series;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Readings recorded from a real machine, one a second (bench/record-readings.sh), as the store takes them. */
final class RecordedReadings {

	final List<Long> times = new ArrayList<>();

	final List<String[]> names = new ArrayList<>();

	final List<double[]> values = new ArrayList<>();

	static RecordedReadings load(InputStream gzipped) throws IOException {
		RecordedReadings readings = new RecordedReadings();
		JsonMapper json = JsonMapper.builder().build();
		String[] last = new String[0];
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(new GZIPInputStream(gzipped), StandardCharsets.UTF_8))) {
			String line;
			while ((line = in.readLine()) != null) {
				JsonNode sample = json.readTree(line);
				TreeMap<String, Double> values = new TreeMap<>();
				sample.path("values").properties().forEach((entry) -> values.put(entry.getKey(),
						entry.getValue().isNull() ? Double.NaN : entry.getValue().asDouble()));
				String[] names = values.keySet().toArray(new String[0]);
				if (java.util.Arrays.equals(names, last)) {
					names = last;
				}
				last = names;
				readings.times.add(sample.path("time").asLong());
				readings.names.add(names);
				readings.values.add(values.values().stream().mapToDouble(Double::doubleValue).toArray());
			}
		}
		return readings;
	}

	int size() {
		return this.times.size();
	}

	/** Values in the recording: samples times metrics. */
	long values() {
		long count = 0;
		for (double[] sample : this.values) {
			count += sample.length;
		}
		return count;
	}

}
