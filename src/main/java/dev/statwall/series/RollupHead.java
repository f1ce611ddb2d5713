package dev.statwall.series;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/** A rollup block being filled, one point at a time; guarded by the node that owns it. */
final class RollupHead {

	private final int tier;

	private final long start;

	private int count;

	private final ValueEncoder times = new ValueEncoder(2, Codes.TIMES, 2);

	private @Nullable Columns[] columns = new Columns[0];

	private @Nullable RollupBlock snapshot;

	RollupHead(int tier, long start) {
		this.tier = tier;
		this.start = start;
	}

	long start() {
		return this.start;
	}

	int count() {
		return this.count;
	}

	/** Appends a point: per metric of the node the count of its samples and their min, max and sum. */
	void add(long time, Accumulator points, Precision[] precisions) {
		int metrics = points.size();
		if (metrics > this.columns.length) {
			this.columns = Arrays.copyOf(this.columns, metrics);
		}
		for (int m = 0; m < this.columns.length; m++) {
			int samples = (m < metrics) ? points.count(m) : 0;
			Columns column = this.columns[m];
			if (column == null) {
				if (samples == 0) {
					continue;
				}
				column = new Columns(this.count);
				this.columns[m] = column;
			}
			column.counts.add(Column.VALUE, samples);
			if (samples > 0) {
				column.present++;
				put(column.min, points.min(m), precisions[m]);
				put(column.max, points.max(m), precisions[m]);
				put(column.sum, points.sum(m), precisions[m]);
			}
		}
		this.times.add(Column.VALUE, time - this.start);
		this.count++;
		this.snapshot = null;
	}

	private static void put(ValueEncoder encoder, double value, Precision precision) {
		if (precision.fits(value)) {
			encoder.add(Column.VALUE, precision.number(value));
		}
		else {
			encoder.add(Column.RAW, Double.doubleToLongBits(value));
		}
	}

	RollupBlock snapshot() {
		RollupBlock block = this.snapshot;
		if (block == null) {
			block = RollupBlock.read(encode(false));
			this.snapshot = block;
		}
		return block;
	}

	byte[] encode(boolean seal) {
		Bytes out = new Bytes(64 + this.count * 8 * (1 + this.columns.length));
		out.write(RollupBlock.FORMAT);
		out.write(this.tier);
		out.signed(this.start);
		out.varlong(this.count);
		SampleHead.stream(out, this.times, 2, Codes.TIMES, seal);
		int present = 0;
		for (Columns column : this.columns) {
			present += (column != null) ? 1 : 0;
		}
		out.varlong(present);
		for (int m = 0; m < this.columns.length; m++) {
			Columns column = this.columns[m];
			if (column != null) {
				out.varlong(m);
				out.varlong(column.first);
				out.varlong(column.present);
				SampleHead.stream(out, column.counts, 1, 3, seal);
				SampleHead.stream(out, column.min, 1, Codes.GENERAL, seal);
				SampleHead.stream(out, column.max, 1, Codes.GENERAL, seal);
				SampleHead.stream(out, column.sum, 1, Codes.GENERAL, seal);
			}
		}
		return out.toArray();
	}

	long memory() {
		long bytes = 64L + this.times.stream().capacityBytes();
		for (Columns column : this.columns) {
			bytes += (column != null) ? 64 + column.counts.stream().capacityBytes() + column.min.stream().capacityBytes()
					+ column.max.stream().capacityBytes() + column.sum.stream().capacityBytes() : 8;
		}
		return bytes;
	}

	private static final class Columns {

		final int first;

		int present;

		final ValueEncoder counts = new ValueEncoder(1, 3, 1);

		final ValueEncoder min = new ValueEncoder(1, Codes.GENERAL, 1);

		final ValueEncoder max = new ValueEncoder(1, Codes.GENERAL, 1);

		final ValueEncoder sum = new ValueEncoder(1, Codes.GENERAL, 1);

		Columns(int first) {
			this.first = first;
		}

	}

}
