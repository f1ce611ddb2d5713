package dev.statwall.series;

/**
 * The variable-length codes of every stream in a block: the difference of a value from the one
 * predicted (the previous value, or the previous plus the previous difference), zig-zag folded
 * and written in the narrowest width class of a table, after a unary class number. Code {@code 0}
 * repeats the previous value, so a metric that does not change costs one bit a sample; two more
 * codes mark n/a and a value that is not a number of the metric's precision (stored as raw bits).
 * <p>
 * The idea is Facebook's Gorilla (delta-of-delta times, a one-bit repeat), applied to integers:
 * values are stored as whole multiples of their metric's precision, so noise below it costs nothing.
 */
final class Codes {

	/** Width classes, chosen per column when a block is sealed; the head uses {@link #GENERAL}. */
	static final int[][] TABLES = { { 6, 12, 20, 32, 64 }, { 3, 8, 16, 32, 64 }, { 10, 16, 24, 32, 64 },
			{ 1, 4, 12, 24, 64 }, { 7, 9, 12, 32, 64 } };

	static final int GENERAL = 0;

	/** Gorilla's classes for a timestamp's delta-of-delta in milliseconds. */
	static final int TIMES = 4;

	private Codes() {
	}

	static long zigzag(long value) {
		return (value << 1) ^ (value >> 63);
	}

	static long unzigzag(long value) {
		return (value >>> 1) ^ -(value & 1);
	}

	/** Writes a non-zero code for the folded difference {@code z} (zero means "repeat" and is {@code 0}). */
	static void writeDifference(BitOutput out, int[] table, long z) {
		for (int i = 0; i < table.length; i++) {
			int width = table[i];
			if (width == 64 || Long.compareUnsigned(z, 1L << width) < 0) {
				out.write(-1L, i + 1); // i + 1 ones
				out.write(0, 1);
				out.write(z, width);
				return;
			}
		}
		throw new IllegalStateException("a 64-bit class always fits");
	}

	/** Bits {@link #writeDifference} would use. */
	static int differenceBits(int[] table, long z) {
		for (int i = 0; i < table.length; i++) {
			int width = table[i];
			if (width == 64 || Long.compareUnsigned(z, 1L << width) < 0) {
				return i + 2 + width;
			}
		}
		throw new IllegalStateException("a 64-bit class always fits");
	}

	static void writeRepeat(BitOutput out) {
		out.write(0, 1);
	}

	static void writeMissing(BitOutput out, int[] table) {
		out.write(-1L, table.length + 1);
		out.write(0, 1);
	}

	static void writeRaw(BitOutput out, int[] table, long bits) {
		out.write(-1L, table.length + 2);
		out.write(bits, 64);
	}

	static int missingBits(int[] table) {
		return table.length + 2;
	}

	static int rawBits(int[] table) {
		return table.length + 2 + 64;
	}

	/** Reads a code: returns its class, 0 for a repeat, {@code table.length + 1} for n/a, {@code + 2} for raw. */
	static int readClass(BitInput in, int[] table) {
		return in.ones(table.length + 2);
	}

}
