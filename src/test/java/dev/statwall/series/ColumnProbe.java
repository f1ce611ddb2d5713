package dev.statwall.series;

import java.io.FileInputStream;
import java.util.Map;
import java.util.TreeMap;

/** Scratch: the cheapest bits per value of each metric of a recording, in ten-minute blocks. */
public final class ColumnProbe {

	public static void main(String[] args) throws Exception {
		RecordedReadings readings = RecordedReadings.load(new FileInputStream(args[0]));
		String[] names = readings.names.get(0);
		Map<String, Long> bits = new TreeMap<>();
		int block = 600;
		long total = 0;
		for (int m = 0; m < names.length; m++) {
			Precision precision = Precision.of(names[m]);
			long sum = 0;
			for (int start = 0; start < readings.size(); start += block) {
				int end = Math.min(readings.size(), start + block);
				Column column = new Column(end - start);
				for (int i = start; i < end; i++) {
					double v = readings.values.get(i)[m];
					if (Double.isNaN(v)) column.add(Column.MISSING, 0);
					else if (precision.fits(v)) column.add(Column.VALUE, precision.number(v));
					else column.add(Column.RAW, Double.doubleToLongBits(v));
				}
				long best = Long.MAX_VALUE;
				for (int o = 1; o <= 2; o++) for (int t = 0; t < Codes.TABLES.length; t++) best = Math.min(best, ValueEncoder.size(column, o, t));
				sum += best;
			}
			bits.put(names[m], sum);
			total += sum;
		}
		final long all = total;
		bits.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(25)
			.forEach((e) -> System.out.printf("%-22s %6.2f bits/value %5.1f%%%n", e.getKey(), e.getValue() / (double) readings.size(), 100.0 * e.getValue() / all));
		System.out.printf("total %.3f bytes/value%n", all / 8.0 / readings.values());
	}

}
