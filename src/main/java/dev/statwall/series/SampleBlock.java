package dev.statwall.series;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Tier 0: one node's samples over one period, as stored. Times are a delta-of-delta stream; each
 * metric is a column stream from the sample it first appears in; the sender's run and sequence
 * number of each sample ride along as two more streams, for the sample log and exactly-once
 * delivery after a restart. Columns are decoded one at a time, when asked for.
 */
final class SampleBlock {

	static final int FORMAT = 1;

	/** Metrics a node may report: far beyond any real machine, small enough to refuse garbage. */
	static final int MAX_COLUMNS = 1 << 20;

	static final int MAX_COUNT = 1 << 24;

	private final long start;

	private final long firstSeq;

	private final int count;

	private final Bytes.Stream times;

	private final Bytes.Stream originSeq;

	private final Bytes.Stream originRun;

	private final Map<Integer, Ref> columns;

	private long @Nullable [] decodedTimes;

	private SampleBlock(long start, long firstSeq, int count, Bytes.Stream times, Bytes.Stream originSeq,
			Bytes.Stream originRun, Map<Integer, Ref> columns) {
		this.start = start;
		this.firstSeq = firstSeq;
		this.count = count;
		this.times = times;
		this.originSeq = originSeq;
		this.originRun = originRun;
		this.columns = columns;
	}

	static SampleBlock read(byte[] bytes) {
		Bytes.Reader in = new Bytes.Reader(bytes);
		int format = in.read();
		if (format != FORMAT || in.read() != 0) {
			throw new CorruptBlockException("not a tier 0 block of format " + FORMAT + " (" + format + ")");
		}
		long start = in.signed();
		long firstSeq = in.varlong();
		int count = in.varint(MAX_COUNT);
		Bytes.Stream times = in.stream();
		Bytes.Stream originSeq = in.stream();
		Bytes.Stream originRun = in.stream();
		int columnCount = in.varint(MAX_COLUMNS);
		Map<Integer, Ref> columns = new HashMap<>(columnCount * 2);
		for (int i = 0; i < columnCount; i++) {
			int metric = in.varint(MAX_COLUMNS);
			int first = in.varint(count);
			columns.put(metric, new Ref(first, in.stream()));
		}
		return new SampleBlock(start, firstSeq, count, times, originSeq, originRun, columns);
	}

	/** Where the period starts, epoch milliseconds: the block's key. */
	long start() {
		return this.start;
	}

	long firstSeq() {
		return this.firstSeq;
	}

	long lastSeq() {
		return this.firstSeq + this.count - 1;
	}

	int count() {
		return this.count;
	}

	long[] times() {
		long[] times = this.decodedTimes;
		if (times == null) {
			Column relative = this.times.decode(this.count);
			times = new long[this.count];
			for (int i = 0; i < this.count; i++) {
				times[i] = this.start + relative.numbers[i];
			}
			this.decodedTimes = times;
		}
		return times;
	}

	/** A metric's column over every sample of the block: n/a before it first appears, or where never. */
	Column column(int metric) {
		Ref ref = this.columns.get(metric);
		if (ref == null) {
			return Column.missing(this.count);
		}
		Column tail = ref.stream().decode(this.count - ref.first());
		if (ref.first() == 0) {
			return tail;
		}
		Column column = new Column(this.count);
		for (int i = 0; i < ref.first(); i++) {
			column.add(Column.MISSING, 0);
		}
		for (int i = 0; i < tail.size; i++) {
			column.add(tail.kinds[i], tail.numbers[i]);
		}
		return column;
	}

	Column originSeq() {
		return this.originSeq.decode(this.count);
	}

	Column originRun() {
		return this.originRun.decode(this.count);
	}

	boolean has(int metric) {
		return this.columns.containsKey(metric);
	}

	/**
	 * A column's stream and the sample it starts at.
	 *
	 * @param first index of the first sample the stream covers
	 * @param stream the stream
	 */
	private record Ref(int first, Bytes.Stream stream) {
	}

}
