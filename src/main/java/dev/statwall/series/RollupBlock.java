package dev.statwall.series;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Tier 1 or 2: one node's rollups over one period, a point per minute or per hour in which the
 * node sent anything. Each metric's column holds a count stream and, for the points it has, min,
 * max and sum streams, so a five-second spike is still in the max a month later.
 */
final class RollupBlock {

	static final int FORMAT = 1;

	private final int tier;

	private final long start;

	private final int count;

	private final Bytes.Stream times;

	private final Map<Integer, Ref> columns;

	private long @Nullable [] decodedTimes;

	private RollupBlock(int tier, long start, int count, Bytes.Stream times, Map<Integer, Ref> columns) {
		this.tier = tier;
		this.start = start;
		this.count = count;
		this.times = times;
		this.columns = columns;
	}

	static RollupBlock read(byte[] bytes) {
		Bytes.Reader in = new Bytes.Reader(bytes);
		int format = in.read();
		int tier = in.read();
		if (format != FORMAT || (tier != 1 && tier != 2)) {
			throw new CorruptBlockException("not a rollup block of format " + FORMAT + " (" + format + "/" + tier + ")");
		}
		long start = in.signed();
		int count = in.varint(SampleBlock.MAX_COUNT);
		Bytes.Stream times = in.stream();
		int columnCount = in.varint(SampleBlock.MAX_COLUMNS);
		Map<Integer, Ref> columns = new HashMap<>(columnCount * 2);
		for (int i = 0; i < columnCount; i++) {
			int metric = in.varint(SampleBlock.MAX_COLUMNS);
			int first = in.varint(count);
			int present = in.varint(count);
			columns.put(metric, new Ref(first, present, in.stream(), in.stream(), in.stream(), in.stream()));
		}
		return new RollupBlock(tier, start, count, times, columns);
	}

	int tier() {
		return this.tier;
	}

	long start() {
		return this.start;
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

	/** A metric's points over the block; a count of 0 where it had none. */
	Rollup column(int metric, Precision precision) {
		Rollup rollup = new Rollup(this.count);
		Ref ref = this.columns.get(metric);
		if (ref == null) {
			return rollup;
		}
		Column counts = ref.counts().decode(this.count - ref.first());
		Column min = ref.min().decode(ref.present());
		Column max = ref.max().decode(ref.present());
		Column sum = ref.sum().decode(ref.present());
		int p = 0;
		for (int i = 0; i < counts.size; i++) {
			int count = (int) counts.numbers[i];
			int point = ref.first() + i;
			rollup.counts[point] = count;
			if (count > 0) {
				if (p >= ref.present()) {
					throw new CorruptBlockException("more points with samples than stored");
				}
				rollup.min[point] = min.value(p, precision);
				rollup.max[point] = max.value(p, precision);
				rollup.sum[point] = sum.value(p, precision);
				p++;
			}
		}
		return rollup;
	}

	/**
	 * A column's streams.
	 *
	 * @param first index of the first point the column covers
	 * @param present points with samples
	 * @param counts samples per point
	 * @param min minimum of each point with samples
	 * @param max maximum of each
	 * @param sum sum of each
	 */
	private record Ref(int first, int present, Bytes.Stream counts, Bytes.Stream min, Bytes.Stream max,
			Bytes.Stream sum) {
	}

}
