package dev.statwall.series;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Every series of one node: its metrics, the blocks being filled in each tier, the open rollup
 * points, and where its samples came from. Everything here is guarded by the instance; readers
 * look at {@link #info()} or at snapshots taken under the lock.
 */
final class NodeSeries {

	/** Tier 0 blocks span ten minutes: 600 samples at one a second. */
	static final long PERIOD_0 = 10 * 60_000L;

	/** Tier 1 blocks span an hour of minute points. */
	static final long PERIOD_1 = 60 * 60_000L;

	/** Tier 2 blocks span a day of hour points. */
	static final long PERIOD_2 = 24 * 60 * 60_000L;

	static final long MINUTE = 60_000L;

	static final long HOUR = 60 * 60_000L;

	static final long[] PERIODS = { PERIOD_0, PERIOD_1, PERIOD_2 };

	/** Each tier's resolution; tier 0's is the node's interval. */
	static final long[] RESOLUTIONS = { 0, MINUTE, HOUR };

	private static final int FORMAT = 1;

	private static final int REMEMBERED_RUNS = 8;

	final String name;

	final int id;

	final long epoch;

	private final List<String> metrics = new ArrayList<>();

	private final Map<String, Integer> index = new HashMap<>();

	private Precision[] precisions = new Precision[0];

	private long lastSeq;

	private long lastTime = Long.MIN_VALUE;

	private long interval;

	private long lastSeen;

	private Map<String, String> texts = Map.of();

	private int runs;

	private @Nullable String run;

	private long runSeq;

	private long dropped;

	private long droppedThisRun;

	private final ArrayDeque<String> pastRuns = new ArrayDeque<>();

	private @Nullable SampleHead head0;

	private @Nullable RollupHead head1;

	private @Nullable RollupHead head2;

	private final Accumulator minute = new Accumulator();

	private final Accumulator hour = new Accumulator();

	private double[] latest = new double[0];

	private byte[] kinds = new byte[0];

	private long[] numbers = new long[0];

	/** The names array of the previous append and where each name is: senders repeat the same array. */
	private String @Nullable [] lastNames;

	private int[] lastMapping = new int[0];

	/** Changed since the last checkpoint. */
	boolean dirty = true;

	/** Log position of the newest append; -1 when the log could not take one since the last checkpoint. */
	private long position;

	/** Appends the log could not take, counted: a checkpoint that saw them all makes them durable. */
	private long unlogged;

	boolean forgotten;

	private volatile NodeInfo info;

	NodeSeries(String name, int id, long epoch) {
		this.name = name;
		this.id = id;
		this.epoch = epoch;
		this.info = snapshotInfo();
	}

	NodeInfo info() {
		return this.info;
	}

	int metricCount() {
		return this.metrics.size();
	}

	/** Where each of the names last given to {@link #map} is in this node's order. */
	int[] mapping() {
		return this.lastMapping;
	}

	/** Where a metric is in this node's order, or -1. */
	int indexOf(String metric) {
		Integer found = this.index.get(metric);
		return (found != null) ? found : -1;
	}

	String metric(int index) {
		return this.metrics.get(index);
	}

	Precision precision(int metric) {
		return this.precisions[metric];
	}

	long lastSeq() {
		return this.lastSeq;
	}

	long lastTime() {
		return this.lastTime;
	}

	@Nullable String run() {
		return this.run;
	}

	long runSeq() {
		return this.runSeq;
	}

	boolean isPastRun(String candidate) {
		return this.pastRuns.contains(candidate);
	}

	/**
	 * Maps a sample's metric names to this node's order, adding new ones at the end.
	 * @return the names added, for the log; empty when none
	 */
	List<String> map(String[] names) {
		if (sameNames(names)) {
			return List.of();
		}
		List<String> added = new ArrayList<>(0);
		int[] mapping = new int[names.length];
		for (int i = 0; i < names.length; i++) {
			Integer found = this.index.get(names[i]);
			if (found == null) {
				found = this.metrics.size();
				addMetric(names[i]);
				added.add(names[i]);
			}
			mapping[i] = found;
		}
		this.lastNames = names;
		this.lastMapping = mapping;
		return added;
	}

	/** The same names as last time: the same array, or (from a parser that keeps names canonical) the same strings. */
	private boolean sameNames(String[] names) {
		String[] last = this.lastNames;
		if (last == null || last.length != names.length) {
			return false;
		}
		if (last == names) {
			return true;
		}
		for (int i = 0; i < names.length; i++) {
			if (last[i] != names[i] && !last[i].equals(names[i])) {
				return false;
			}
		}
		this.lastNames = names;
		return true;
	}

	void addMetric(String metric) {
		this.index.put(metric, this.metrics.size());
		this.metrics.add(metric);
		this.precisions = Arrays.copyOf(this.precisions, this.metrics.size());
		this.precisions[this.metrics.size() - 1] = Precision.of(metric);
		this.latest = Arrays.copyOf(this.latest, this.metrics.size());
		this.latest[this.metrics.size() - 1] = Double.NaN;
		this.dirty = true;
	}

	/** Where the log took the newest append: -1 when it could not. */
	void logged(long position) {
		if (position < 0) {
			this.unlogged++;
			this.position = -1;
		}
		else if (this.position >= 0) {
			this.position = position;
		}
	}

	long position() {
		return this.position;
	}

	long unloggedAppends() {
		return this.unlogged;
	}

	/** A checkpoint committed what the node held when it counted {@code unlogged}. */
	void checkpointed(long unlogged) {
		if (this.position < 0 && this.unlogged == unlogged) {
			this.position = 0;
		}
	}

	/** Starts a new run of the sender; the replaced one is remembered so its late samples are refused. */
	void startRun(String next) {
		if (this.run != null) {
			this.pastRuns.addFirst(this.run);
			while (this.pastRuns.size() > REMEMBERED_RUNS) {
				this.pastRuns.removeLast();
			}
		}
		this.run = next;
		this.runs++;
		this.runSeq = 0;
		this.droppedThisRun = 0;
		this.dirty = true;
	}

	void texts(Map<String, String> texts) {
		this.texts = Map.copyOf(texts);
		this.dirty = true;
		this.info = snapshotInfo();
	}

	/**
	 * Appends a sample whose values follow the names last given to {@link #map}; a silence of more
	 * than two intervals first gets a row of n/a, so every chart breaks its line there.
	 * @param sealed collects blocks completed by this append, for the store to write
	 * @return the rows appended: the gap if there was one, then the sample
	 */
	List<Row> append(long time, double[] values, long interval, long seen, long originSeq, long originDropped,
			List<Sealed> sealed) {
		if (time < this.lastTime) {
			throw new OutOfOrderException("sample at " + java.time.Instant.ofEpochMilli(time) + " is older than node '"
					+ this.name + "'s newest, at " + java.time.Instant.ofEpochMilli(this.lastTime));
		}
		int n = this.metrics.size();
		if (this.kinds.length < n) {
			this.kinds = new byte[n];
			this.numbers = new long[n];
		}
		List<Row> rows = new ArrayList<>(2);
		long step = Math.max(1, interval);
		if (this.lastSeq > 0 && interval > 0 && time - this.lastTime > 2 * step) {
			Arrays.fill(this.kinds, 0, n, Column.MISSING);
			long gapTime = this.lastTime + step;
			addRow(gapTime, n, 0, sealed); // no sender's sample: origin 0

			double[] gap = new double[n];
			Arrays.fill(gap, Double.NaN);
			rows.add(new Row(this.lastSeq, gapTime, gap));
		}
		Arrays.fill(this.kinds, 0, n, Column.MISSING);
		int[] mapping = this.lastMapping;
		double[] stored = new double[n];
		Arrays.fill(stored, Double.NaN);
		for (int i = 0; i < values.length && i < mapping.length; i++) {
			int m = mapping[i];
			double value = values[i];
			if (Double.isNaN(value)) {
				continue;
			}
			Precision precision = this.precisions[m];
			if (precision.fits(value)) {
				this.kinds[m] = Column.VALUE;
				this.numbers[m] = precision.number(value);
				stored[m] = precision.value(this.numbers[m]);
			}
			else {
				this.kinds[m] = Column.RAW;
				this.numbers[m] = Double.doubleToLongBits(value);
				stored[m] = value;
			}
		}
		addRow(time, n, originSeq, sealed);
		rollUp(time, stored, sealed);
		rows.add(new Row(this.lastSeq, time, stored));
		this.latest = stored;
		this.interval = interval;
		this.lastSeen = Math.max(this.lastSeen, seen);
		this.runSeq = originSeq;
		if (originDropped > this.droppedThisRun) {
			this.dropped = saturatedAdd(this.dropped, originDropped - this.droppedThisRun);
			this.droppedThisRun = originDropped;
		}
		this.dirty = true;
		this.info = snapshotInfo();
		return rows;
	}

	private static long saturatedAdd(long a, long b) {
		long sum = a + b;
		return (((a ^ sum) & (b ^ sum)) < 0) ? Long.MAX_VALUE : sum;
	}

	private void addRow(long time, int n, long originSeq, List<Sealed> sealed) {
		long start = Math.floorDiv(time, PERIOD_0) * PERIOD_0;
		SampleHead head = this.head0;
		if (head == null || head.start() != start) {
			if (head != null && head.count() > 0) {
				sealed.add(new Sealed(0, Blocks.key(this.id, head.start()), head.encode(true)));
			}
			head = new SampleHead(start, this.lastSeq + 1);
			this.head0 = head;
		}
		head.add(time, this.kinds, this.numbers, n, originSeq, this.runs);
		this.lastSeq++;
		this.lastTime = time;
	}

	/** Adds a sample's values to the open minute, closing the minute (and the hour) it leaves. */
	private void rollUp(long time, double[] values, List<Sealed> sealed) {
		long minuteStart = Math.floorDiv(time, MINUTE) * MINUTE;
		if (this.minute.start() != minuteStart) {
			closeMinute(sealed);
			this.minute.reset(minuteStart, values.length);
		}
		for (int m = 0; m < values.length; m++) {
			if (!Double.isNaN(values[m])) {
				this.minute.add(m, values[m]);
			}
		}
	}

	private void closeMinute(List<Sealed> sealed) {
		if (this.minute.start() == Long.MIN_VALUE || this.minute.isEmpty()) {
			return;
		}
		long point = this.minute.start();
		this.head1 = addPoint(1, this.head1, point, this.minute, sealed);
		long hourStart = Math.floorDiv(point, HOUR) * HOUR;
		if (this.hour.start() != hourStart) {
			if (this.hour.start() != Long.MIN_VALUE && !this.hour.isEmpty()) {
				this.head2 = addPoint(2, this.head2, this.hour.start(), this.hour, sealed);
			}
			this.hour.reset(hourStart, this.metrics.size());
		}
		this.hour.addAll(this.minute);
		this.minute.reset(Long.MIN_VALUE, this.metrics.size());
	}

	private RollupHead addPoint(int tier, @Nullable RollupHead head, long time, Accumulator point, List<Sealed> sealed) {
		long period = PERIODS[tier];
		long start = Math.floorDiv(time, period) * period;
		RollupHead current = head;
		if (current == null || current.start() != start) {
			if (current != null && current.count() > 0) {
				sealed.add(new Sealed(tier, Blocks.key(this.id, current.start()), current.encode(true)));
			}
			current = new RollupHead(tier, start);
		}
		current.add(time, point, this.precisions);
		return current;
	}

	/** The tier 0 block being filled, as a block; null before the first sample. */
	@Nullable SampleBlock head0() {
		SampleHead head = this.head0;
		return (head != null && head.count() > 0) ? head.snapshot() : null;
	}

	@Nullable RollupBlock head(int tier) {
		RollupHead head = (tier == 1) ? this.head1 : this.head2;
		return (head != null && head.count() > 0) ? head.snapshot() : null;
	}

	/**
	 * The open point of a rollup tier, not yet in any block: the current minute, or the current hour
	 * with the minute that has not closed yet. Null when empty.
	 */
	@Nullable Accumulator openPoint(int tier) {
		if (tier == 1) {
			return this.minute.isEmpty() ? null : this.minute.copy();
		}
		if (this.hour.isEmpty() && this.minute.isEmpty()) {
			return null;
		}
		Accumulator open = this.hour.copy();
		if (this.hour.start() == Long.MIN_VALUE) {
			open.reset(Math.floorDiv(this.minute.start(), HOUR) * HOUR, this.metrics.size());
		}
		if (!this.minute.isEmpty() && Math.floorDiv(this.minute.start(), HOUR) * HOUR == open.start()) {
			open.addAll(this.minute);
		}
		return open;
	}

	/** The blocks being filled, as they are, for a checkpoint: tier, key and bytes. */
	List<Sealed> partialBlocks() {
		List<Sealed> partial = new ArrayList<>(3);
		if (this.head0 != null && this.head0.count() > 0) {
			partial.add(new Sealed(0, Blocks.key(this.id, this.head0.start()), this.head0.encode(false)));
		}
		if (this.head1 != null && this.head1.count() > 0) {
			partial.add(new Sealed(1, Blocks.key(this.id, this.head1.start()), this.head1.encode(false)));
		}
		if (this.head2 != null && this.head2.count() > 0) {
			partial.add(new Sealed(2, Blocks.key(this.id, this.head2.start()), this.head2.encode(false)));
		}
		return partial;
	}

	/** Bytes held in memory for this node's heads. */
	long memory() {
		long bytes = 512 + 64L * this.metrics.size();
		bytes += (this.head0 != null) ? this.head0.memory() : 0;
		bytes += (this.head1 != null) ? this.head1.memory() : 0;
		bytes += (this.head2 != null) ? this.head2.memory() : 0;
		return bytes;
	}

	private NodeInfo snapshotInfo() {
		return new NodeInfo(this.name, this.epoch, List.copyOf(this.metrics), this.lastSeq,
				(this.lastTime == Long.MIN_VALUE) ? 0 : this.lastTime, this.interval, this.lastSeen, this.texts, this.run,
				this.runSeq, this.runs, List.copyOf(this.pastRuns), this.dropped, this.latest.clone());
	}

	/** The node's record for a checkpoint: everything but the blocks, which are written beside it. */
	byte[] record() {
		Bytes out = new Bytes(256 + 32 * this.metrics.size());
		out.write(FORMAT);
		out.string(this.name);
		out.varlong(this.id);
		out.signed(this.epoch);
		out.varlong(this.lastSeq);
		out.signed(this.lastTime);
		out.varlong(this.interval);
		out.signed(this.lastSeen);
		out.varlong(this.metrics.size());
		for (String metric : this.metrics) {
			out.string(metric);
		}
		out.varlong(this.texts.size());
		this.texts.forEach((key, value) -> {
			out.string(key);
			out.string(value);
		});
		out.varlong(this.runs);
		out.string((this.run != null) ? this.run : "");
		out.varlong(this.runSeq);
		out.varlong(this.dropped);
		out.varlong(this.droppedThisRun);
		out.varlong(this.pastRuns.size());
		this.pastRuns.forEach(out::string);
		out.signed((this.head0 != null && this.head0.count() > 0) ? this.head0.start() : Long.MIN_VALUE);
		out.signed((this.head1 != null && this.head1.count() > 0) ? this.head1.start() : Long.MIN_VALUE);
		out.signed((this.head2 != null && this.head2.count() > 0) ? this.head2.start() : Long.MIN_VALUE);
		this.minute.write(out);
		this.hour.write(out);
		for (double value : this.latest) {
			out.int64(Double.doubleToLongBits(value));
		}
		return out.toArray();
	}

	/**
	 * A node as its record and its partial blocks left it.
	 * @param blocks reads the partial block of a tier at a key
	 */
	static NodeSeries restore(byte[] record, BlockReader blocks) {
		Bytes.Reader in = new Bytes.Reader(record);
		if (in.read() != FORMAT) {
			throw new CorruptBlockException("unknown node record format");
		}
		String name = in.string();
		int id = in.varint(Integer.MAX_VALUE);
		long epoch = in.signed();
		NodeSeries node = new NodeSeries(name, id, epoch);
		node.lastSeq = in.varlong();
		node.lastTime = in.signed();
		node.interval = in.varlong();
		node.lastSeen = in.signed();
		int metricCount = in.varint(SampleBlock.MAX_COLUMNS);
		for (int i = 0; i < metricCount; i++) {
			node.addMetric(in.string());
		}
		int textCount = in.varint(SampleBlock.MAX_COLUMNS);
		Map<String, String> texts = new LinkedHashMap<>();
		for (int i = 0; i < textCount; i++) {
			texts.put(in.string(), in.string());
		}
		node.texts = Map.copyOf(texts);
		node.runs = in.varint(Integer.MAX_VALUE);
		String run = in.string();
		node.run = run.isEmpty() ? null : run;
		node.runSeq = in.varlong();
		node.dropped = in.varlong();
		node.droppedThisRun = in.varlong();
		int pastRuns = in.varint(REMEMBERED_RUNS);
		for (int i = 0; i < pastRuns; i++) {
			node.pastRuns.addLast(in.string());
		}
		long start0 = in.signed();
		long start1 = in.signed();
		long start2 = in.signed();
		Accumulator minute = Accumulator.read(in);
		Accumulator hour = Accumulator.read(in);
		node.minute.reset(minute.start(), metricCount);
		node.minute.addAll(minute);
		node.hour.reset(hour.start(), metricCount);
		node.hour.addAll(hour);
		double[] latest = new double[metricCount];
		for (int i = 0; i < metricCount; i++) {
			latest[i] = Double.longBitsToDouble(in.int64());
		}
		node.latest = latest;
		if (start0 != Long.MIN_VALUE) {
			byte[] bytes = blocks.read(0, Blocks.key(id, start0));
			if (bytes != null) {
				node.head0 = restoreHead(SampleBlock.read(bytes), metricCount);
			}
		}
		if (start1 != Long.MIN_VALUE) {
			byte[] bytes = blocks.read(1, Blocks.key(id, start1));
			if (bytes != null) {
				node.head1 = node.restoreHead(RollupBlock.read(bytes));
			}
		}
		if (start2 != Long.MIN_VALUE) {
			byte[] bytes = blocks.read(2, Blocks.key(id, start2));
			if (bytes != null) {
				node.head2 = node.restoreHead(RollupBlock.read(bytes));
			}
		}
		node.dirty = false;
		node.info = node.snapshotInfo();
		return node;
	}

	private static SampleHead restoreHead(SampleBlock block, int metricCount) {
		SampleHead head = new SampleHead(block.start(), block.firstSeq());
		Column[] columns = new Column[metricCount];
		for (int m = 0; m < metricCount; m++) {
			columns[m] = block.column(m);
		}
		Column seqs = block.originSeq();
		Column runs = block.originRun();
		long[] times = block.times();
		byte[] kinds = new byte[metricCount];
		long[] numbers = new long[metricCount];
		for (int i = 0; i < block.count(); i++) {
			for (int m = 0; m < metricCount; m++) {
				kinds[m] = columns[m].kinds[i];
				numbers[m] = columns[m].numbers[i];
			}
			head.add(times[i], kinds, numbers, metricCount, seqs.numbers[i], runs.numbers[i]);
		}
		return head;
	}

	private RollupHead restoreHead(RollupBlock block) {
		RollupHead head = new RollupHead(block.tier(), block.start());
		int metricCount = this.metrics.size();
		Rollup[] columns = new Rollup[metricCount];
		for (int m = 0; m < metricCount; m++) {
			columns[m] = block.column(m, this.precisions[m]);
		}
		long[] times = block.times();
		Accumulator point = new Accumulator();
		for (int i = 0; i < block.count(); i++) {
			point.reset(times[i], metricCount);
			for (int m = 0; m < metricCount; m++) {
				point.add(m, columns[m].counts[i], columns[m].min[i], columns[m].max[i], columns[m].sum[i]);
			}
			head.add(times[i], point, this.precisions);
		}
		return head;
	}

	/** Reads a stored block, for restoring heads. */
	interface BlockReader {

		byte @Nullable [] read(int tier, long key);

	}

	/**
	 * A block to write.
	 *
	 * @param tier its tier
	 * @param key node and period start
	 * @param bytes the block
	 */
	record Sealed(int tier, long key, byte[] bytes) {
	}

}
