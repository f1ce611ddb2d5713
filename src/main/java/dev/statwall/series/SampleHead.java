package dev.statwall.series;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * The block being filled: every sample is appended to the streams as it comes (one pass, no
 * copy), and the period is sealed into a {@link SampleBlock} when a sample of the next one
 * arrives. Sealing picks, for each column, the order and width classes that take the fewest bits.
 * Guarded by the node that owns it.
 */
final class SampleHead {

	private final long start;

	private final long firstSeq;

	private int count;

	private final ValueEncoder times = new ValueEncoder(2, Codes.TIMES, 4);

	private final ValueEncoder originSeq = new ValueEncoder(2, Codes.GENERAL, 2);

	private final ValueEncoder originRun = new ValueEncoder(1, 3, 1);

	private @Nullable ValueEncoder[] columns = new ValueEncoder[0];

	private int[] firsts = new int[0];

	private @Nullable SampleBlock snapshot;

	SampleHead(long start, long firstSeq) {
		this.start = start;
		this.firstSeq = firstSeq;
	}

	long start() {
		return this.start;
	}

	long firstSeq() {
		return this.firstSeq;
	}

	int count() {
		return this.count;
	}

	/**
	 * Appends a sample: one kind and number per metric of the node, in the node's order; metrics
	 * beyond {@code metrics} are n/a.
	 */
	void add(long time, byte[] kinds, long[] numbers, int metrics, long seq, long run) {
		if (metrics > this.columns.length) {
			this.columns = Arrays.copyOf(this.columns, metrics);
			this.firsts = Arrays.copyOf(this.firsts, metrics);
		}
		for (int m = 0; m < this.columns.length; m++) {
			ValueEncoder column = this.columns[m];
			byte kind = (m < metrics) ? kinds[m] : Column.MISSING;
			if (column == null) {
				if (kind == Column.MISSING) {
					continue; // a column starts at its first value
				}
				column = new ValueEncoder(1, Codes.GENERAL, 2);
				this.columns[m] = column;
				this.firsts[m] = this.count;
			}
			column.add(kind, (m < metrics) ? numbers[m] : 0);
		}
		this.times.add(Column.VALUE, time - this.start);
		this.originSeq.add(Column.VALUE, seq);
		this.originRun.add(Column.VALUE, run);
		this.count++;
		this.snapshot = null;
	}

	/** What has been appended so far, readable as a block; cached until the next append. */
	SampleBlock snapshot() {
		SampleBlock block = this.snapshot;
		if (block == null) {
			block = SampleBlock.read(encode(false));
			this.snapshot = block;
		}
		return block;
	}

	/**
	 * The block's bytes. {@code seal} re-encodes every stream in its cheapest form, for good; a
	 * checkpoint of a head still filling writes the streams as they are.
	 */
	byte[] encode(boolean seal) {
		Bytes out = new Bytes(64 + (int) (this.times.bits() / 8) * (2 + this.columns.length));
		out.write(SampleBlock.FORMAT);
		out.write(0);
		out.signed(this.start);
		out.varlong(this.firstSeq);
		out.varlong(this.count);
		stream(out, this.times, 2, Codes.TIMES, seal);
		stream(out, this.originSeq, 2, Codes.GENERAL, seal);
		stream(out, this.originRun, 1, 3, seal);
		int present = 0;
		for (ValueEncoder column : this.columns) {
			present += (column != null) ? 1 : 0;
		}
		out.varlong(present);
		for (int m = 0; m < this.columns.length; m++) {
			ValueEncoder column = this.columns[m];
			if (column != null) {
				out.varlong(m);
				out.varlong(this.firsts[m]);
				stream(out, column, 1, Codes.GENERAL, seal);
			}
		}
		return out.toArray();
	}

	private static int firstValue(Column values) {
		for (int i = 0; i < values.size; i++) {
			if (values.kinds[i] == Column.VALUE) {
				return i;
			}
		}
		return -1;
	}

	/** Greatest common divisor of two steps, signs ignored; 0 with 0 is 0. */
	private static long gcd(long a, long b) {
		a = Math.abs(a);
		b = Math.abs(b);
		while (b != 0) {
			long t = a % b;
			a = b;
			b = t;
		}
		return a;
	}

	/** Bytes the head holds in memory. */
	long memory() {
		long bytes = 64L + this.times.stream().capacityBytes() + this.originSeq.stream().capacityBytes()
				+ this.originRun.stream().capacityBytes();
		for (ValueEncoder column : this.columns) {
			bytes += (column != null) ? 32 + column.stream().capacityBytes() : 8;
		}
		return bytes;
	}

	/** Writes a stream as it is, or, sealing, in its smallest order and table. */
	static void stream(Bytes out, ValueEncoder encoder, int order, int table, boolean seal) {
		if (!seal || encoder.count() == 0) {
			out.stream(order, table, encoder.stream());
			return;
		}
		Column values = ValueEncoder.decode(encoder.stream().reader(), encoder.count(), order, table);
		// values that move in steps of a common size are stored in those steps
		int first = firstValue(values);
		long base = (first >= 0) ? values.numbers[first] : 0;
		long divisor = 0;
		for (int i = first + 1; first >= 0 && i < values.size; i++) {
			if (values.kinds[i] == Column.VALUE) {
				divisor = gcd(divisor, values.numbers[i] - base);
			}
		}
		if (divisor > 1) {
			for (int i = 0; i < values.size; i++) {
				if (values.kinds[i] == Column.VALUE) {
					values.numbers[i] = (values.numbers[i] - base) / divisor;
				}
			}
		}
		else {
			divisor = 1;
			base = 0;
		}
		int bestOrder = order;
		int bestTable = table;
		long best = (divisor == 1) ? encoder.bits() : Long.MAX_VALUE;
		for (int o = 1; o <= 2; o++) {
			for (int t = 0; t < Codes.TABLES.length; t++) {
				long bits = ValueEncoder.size(values, o, t);
				if (bits < best) {
					best = bits;
					bestOrder = o;
					bestTable = t;
				}
			}
		}
		if (divisor == 1 && bestOrder == order && bestTable == table) {
			out.stream(order, table, encoder.stream());
			return;
		}
		ValueEncoder smaller = new ValueEncoder(bestOrder, bestTable, (int) (best / 64) + 1);
		for (int i = 0; i < values.size; i++) {
			smaller.add(values.kinds[i], values.numbers[i]);
		}
		out.stream(bestOrder, bestTable, base, divisor, smaller.stream());
	}

}
