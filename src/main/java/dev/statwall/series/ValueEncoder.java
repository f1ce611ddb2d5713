package dev.statwall.series;

/**
 * Appends one metric's values to a bit stream as they come, predicting each from the previous
 * value (order 1) or the previous value plus the previous difference (order 2). A head of a block
 * uses order 1 and the general table; sealing a block picks the order and table that take the
 * fewest bits for that column.
 */
final class ValueEncoder {

	private final BitOutput out;

	private final int order;

	private final int[] table;

	private long previous;

	private long difference;

	/** Kind of the previous value: a repeat of a raw or n/a value is a repeat too. */
	private byte kind = Column.VALUE;

	private long previousRaw;

	private int count;

	ValueEncoder(int order, int table, int initialWords) {
		this.out = new BitOutput(initialWords);
		this.order = order;
		this.table = Codes.TABLES[table];
	}

	void add(byte kind, long number) {
		if (this.count++ > 0 && kind == this.kind && kind != Column.VALUE
				&& (kind == Column.MISSING || number == this.previousRaw)) {
			Codes.writeRepeat(this.out);
			return;
		}
		switch (kind) {
			case Column.MISSING -> {
				Codes.writeMissing(this.out, this.table);
				this.difference = 0;
			}
			case Column.RAW -> {
				Codes.writeRaw(this.out, this.table, number);
				this.previousRaw = number;
				this.difference = 0;
			}
			default -> {
				long delta = number - this.previous;
				long residual = (this.order == 2) ? delta - this.difference : delta;
				if (residual == 0 && this.kind == Column.VALUE && this.count > 1) {
					Codes.writeRepeat(this.out);
				}
				else {
					Codes.writeDifference(this.out, this.table, Codes.zigzag(residual));
				}
				this.previous = number;
				this.difference = delta;
			}
		}
		this.kind = kind;
	}

	long bits() {
		return this.out.bits();
	}

	int count() {
		return this.count;
	}

	BitOutput stream() {
		return this.out;
	}

	/** Bits {@code column} takes with this order and table, without writing it. */
	static long size(Column column, int order, int tableIndex) {
		int[] table = Codes.TABLES[tableIndex];
		long bits = 0;
		long previous = 0;
		long difference = 0;
		byte kind = Column.VALUE;
		long previousRaw = 0;
		for (int i = 0; i < column.size; i++) {
			byte next = column.kinds[i];
			long number = column.numbers[i];
			if (i > 0 && next == kind && next != Column.VALUE && (next == Column.MISSING || number == previousRaw)) {
				bits += 1;
				continue;
			}
			switch (next) {
				case Column.MISSING -> {
					bits += Codes.missingBits(table);
					difference = 0;
				}
				case Column.RAW -> {
					bits += Codes.rawBits(table);
					previousRaw = number;
					difference = 0;
				}
				default -> {
					long delta = number - previous;
					long residual = (order == 2) ? delta - difference : delta;
					bits += (residual == 0 && kind == Column.VALUE && i > 0) ? 1
							: Codes.differenceBits(table, Codes.zigzag(residual));
					previous = number;
					difference = delta;
				}
			}
			kind = next;
		}
		return bits;
	}

	/** Reads {@code count} values written with this order and table. */
	static Column decode(BitInput in, int count, int order, int tableIndex) {
		int[] table = Codes.TABLES[tableIndex];
		Column column = new Column(count);
		long previous = 0;
		long difference = 0;
		byte kind = Column.VALUE;
		long previousRaw = 0;
		for (int i = 0; i < count; i++) {
			int code = Codes.readClass(in, table);
			if (code == 0) {
				if (i == 0) {
					throw new CorruptBlockException("a stream starts with a repeat");
				}
				if (kind == Column.VALUE) {
					long delta = (order == 2 && i > 0) ? difference : 0;
					previous += delta;
					difference = delta;
					column.add(Column.VALUE, previous);
				}
				else {
					column.add(kind, (kind == Column.RAW) ? previousRaw : 0);
				}
				continue;
			}
			if (code == table.length + 1) {
				kind = Column.MISSING;
				difference = 0;
				column.add(Column.MISSING, 0);
			}
			else if (code == table.length + 2) {
				kind = Column.RAW;
				previousRaw = in.read(64);
				difference = 0;
				column.add(Column.RAW, previousRaw);
			}
			else {
				long residual = Codes.unzigzag(in.read(table[code - 1]));
				long delta = (order == 2) ? difference + residual : residual;
				previous += delta;
				difference = delta;
				kind = Column.VALUE;
				column.add(Column.VALUE, previous);
			}
		}
		return column;
	}

}
