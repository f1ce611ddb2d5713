package dev.statwall.series;

import java.util.Arrays;

/**
 * One metric's values over a block, decoded: each is a whole multiple of the metric's precision
 * ({@link #VALUE}), n/a ({@link #MISSING}) or raw double bits ({@link #RAW}, for a value the
 * precision cannot hold).
 */
final class Column {

	static final byte VALUE = 0;

	static final byte MISSING = 1;

	static final byte RAW = 2;

	final long[] numbers;

	final byte[] kinds;

	int size;

	Column(int capacity) {
		this.numbers = new long[capacity];
		this.kinds = new byte[capacity];
	}

	/** A column of {@code size} n/a values. */
	static Column missing(int size) {
		Column column = new Column(size);
		Arrays.fill(column.kinds, MISSING);
		column.size = size;
		return column;
	}

	void add(byte kind, long number) {
		this.kinds[this.size] = kind;
		this.numbers[this.size] = number;
		this.size++;
	}

	double value(int index, Precision precision) {
		return switch (this.kinds[index]) {
			case VALUE -> precision.value(this.numbers[index]);
			case RAW -> Double.longBitsToDouble(this.numbers[index]);
			default -> Double.NaN;
		};
	}

}
