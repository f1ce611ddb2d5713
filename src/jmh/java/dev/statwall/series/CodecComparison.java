package dev.statwall.series;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.Deflater;

/**
 * The same ten-minute blocks of recorded readings, per metric, in three encodings: raw doubles
 * compressed with Deflate (what a general-purpose compressor in the store would give), Facebook
 * Gorilla's XOR of doubles (the paper's encoding, counted bit by bit), and statwall's (values at
 * their metric's precision, delta or delta-of-delta codes, a common divisor). Times are left out
 * of all three: one timestamp stream serves every metric of a node.
 */
public final class CodecComparison {

	private CodecComparison() {
	}

	public static void report(InputStream gzipped) throws IOException {
		RecordedReadings readings = RecordedReadings.load(gzipped);
		String[] names = readings.names.get(0);
		long deflated = 0;
		long gorillaBits = 0;
		long statwallBits = 0;
		long values = 0;
		int block = 600;
		for (int m = 0; m < names.length; m++) {
			Precision precision = Precision.of(names[m]);
			for (int start = 0; start < readings.size(); start += block) {
				int end = Math.min(readings.size(), start + block);
				double[] column = new double[end - start];
				for (int i = start; i < end; i++) {
					column[i - start] = readings.values.get(i)[m];
				}
				values += column.length;
				deflated += deflate(column);
				gorillaBits += gorilla(column);
				statwallBits += statwall(column, precision);
			}
		}
		System.out.printf("codecs on the recorded hour, %,d values in ten-minute blocks, per value:%n", values);
		System.out.printf("  raw doubles, Deflate:           %.3f bytes%n", deflated / (double) values);
		System.out.printf("  Gorilla XOR of doubles:         %.3f bytes%n", gorillaBits / 8.0 / values);
		System.out.printf("  statwall (precision, deltas):   %.3f bytes%n", statwallBits / 8.0 / values);
	}

	private static long deflate(double[] column) {
		ByteBuffer raw = ByteBuffer.allocate(column.length * 8);
		for (double value : column) {
			raw.putDouble(value);
		}
		Deflater deflater = new Deflater(6);
		deflater.setInput(raw.array());
		deflater.finish();
		byte[] out = new byte[raw.capacity() + 64];
		long size = 0;
		while (!deflater.finished()) {
			size += deflater.deflate(out);
		}
		deflater.end();
		return size;
	}

	/** Gorilla's value encoding: '0' for the same value, else the XOR's meaningful bits. */
	private static long gorilla(double[] column) {
		long bits = 64;
		long previous = Double.doubleToRawLongBits(column[0]);
		int leading = -1;
		int trailing = 0;
		for (int i = 1; i < column.length; i++) {
			long current = Double.doubleToRawLongBits(column[i]);
			long xor = current ^ previous;
			if (xor == 0) {
				bits += 1;
			}
			else {
				int lead = Math.min(31, Long.numberOfLeadingZeros(xor));
				int trail = Long.numberOfTrailingZeros(xor);
				if (leading >= 0 && lead >= leading && trail >= trailing) {
					bits += 2 + (64 - leading - trailing);
				}
				else {
					bits += 2 + 5 + 6 + (64 - lead - trail);
					leading = lead;
					trailing = trail;
				}
			}
			previous = current;
		}
		return bits;
	}

	private static long statwall(double[] column, Precision precision) {
		SampleHead head = new SampleHead(0, 1);
		byte[] kinds = new byte[1];
		long[] numbers = new long[1];
		for (int i = 0; i < column.length; i++) {
			double value = column[i];
			kinds[0] = Double.isNaN(value) ? Column.MISSING : precision.fits(value) ? Column.VALUE : Column.RAW;
			numbers[0] = (kinds[0] == Column.VALUE) ? precision.number(value)
					: (kinds[0] == Column.RAW) ? Double.doubleToLongBits(value) : 0;
			head.add(i, kinds, numbers, 1, 0, 0);
		}
		// the sealed block less its time and origin streams, which serve all metrics
		SampleHead times = new SampleHead(0, 1);
		for (int i = 0; i < column.length; i++) {
			times.add(i, new byte[0], new long[0], 0, 0, 0);
		}
		return 8L * (head.encode(true).length - times.encode(true).length);
	}

}
