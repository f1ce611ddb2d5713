package dev.statwall.series;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Every metric's series of every node, in three tiers: each sample (tier 0), a point per minute
 * (tier 1) and a point per hour (tier 2), each point of the last two holding min, max, sum and
 * count. Cards show the newest samples, charts and the history API read ranges, alerts read
 * windows: all from here, so a row pushed live and the same moment read back agree.
 * <p>
 * Writes: a sample goes into the node's block being filled, in memory, and into the write-ahead
 * log; {@link #awaitDurable} returns once the log is on disk, which is when a hub acknowledges a
 * batch. A full period's block is sealed (re-encoded in its smallest form) and every
 * {@code checkpoint-interval} the blocks are written into the {@link Blocks} store and committed,
 * and the log before that is deleted. After a crash the store reopens at its last commit and
 * replays the log, so nothing that was acknowledged is lost.
 * <p>
 * When the disk fails (full, read-only, I/O errors) the store says so once, keeps everything in
 * memory, refuses to acknowledge, and retries; once a checkpoint succeeds again it writes all it
 * holds and goes on. Reads never wait for writes: they decode snapshots taken under a node's lock.
 */
public final class SeriesStore implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(SeriesStore.class);

	static final String FILE = "statwall.mv.db";

	static final String LOG_DIRECTORY = "log";

	private static final String STORE_RECORD = "store";

	private static final String NODE_PREFIX = "node/";

	/** Size accounting buckets per tier: what retention by size drops at a time. */
	private static final long[] BUCKETS = { NodeSeries.HOUR, 24 * NodeSeries.HOUR, 30 * 24 * NodeSeries.HOUR };

	private static final int WAL_NODE = 1;

	private static final int WAL_METRICS = 2;

	private static final int WAL_SAMPLE = 3;

	private static final int WAL_TEXTS = 4;

	private static final int WAL_RUN = 5;

	private static final int WAL_FORGET = 6;

	private static final int WAL_STATE = 7;

	private static final String STATE_PREFIX = "state/";

	private final HistoryProperties properties;

	private final Clock clock;

	private final @Nullable Path directory;

	private final ConcurrentMap<String, NodeSeries> nodes = new ConcurrentHashMap<>();

	/** Small named records other features keep here (alert states), newest value; written at checkpoints. */
	private final ConcurrentMap<String, byte[]> states = new ConcurrentHashMap<>();

	private final java.util.Set<String> dirtyStates = ConcurrentHashMap.newKeySet();

	/** Sealed blocks not yet written into {@link #blocks}: they are written at the next checkpoint. */
	private final ConcurrentSkipListMap<Long, byte[]>[] pending;

	/** Bytes of sealed blocks per tier and bucket start, for retention by size. */
	private final NavigableMap<Long, Long>[] sizes;

	private final AtomicInteger nextId = new AtomicInteger(1);

	private final Object checkpointLock = new Object();

	private volatile Blocks blocks;

	private final @Nullable WriteAheadLog log;

	/** Why the disk cannot be written now; null while it can. */
	private volatile @Nullable String failure;

	private volatile long lastCheckpoint;

	@SuppressWarnings("unchecked")
	private SeriesStore(HistoryProperties properties, Clock clock, @Nullable Path directory, Blocks blocks,
			@Nullable WriteAheadLog log) {
		this.properties = properties;
		this.clock = clock;
		this.directory = directory;
		this.blocks = blocks;
		this.log = log;
		this.pending = new ConcurrentSkipListMap[Blocks.TIERS];
		this.sizes = new NavigableMap[Blocks.TIERS];
		for (int i = 0; i < Blocks.TIERS; i++) {
			this.pending[i] = new ConcurrentSkipListMap<>();
			this.sizes[i] = new TreeMap<>();
		}
	}

	/** A store that keeps everything in memory: nothing survives the process. */
	public static SeriesStore inMemory(HistoryProperties properties, Clock clock) {
		return new SeriesStore(properties, clock, null, new MemoryBlocks(), null);
	}

	/**
	 * Opens (or creates) the store in {@code directory}: the last commit, then the log after it.
	 * @throws StoreOpenException when the directory cannot be used at all
	 */
	public static SeriesStore open(HistoryProperties properties, Clock clock, Path directory) {
		Path file = directory.resolve(FILE).toAbsolutePath();
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new StoreOpenException("statwall.data-dir '" + directory + "' cannot be created: " + ex, ex);
		}
		Blocks blocks = StoreFiles.openOrMoveAside(file, clock);
		WriteAheadLog log;
		try {
			log = new WriteAheadLog(directory.resolve(LOG_DIRECTORY), properties.fsync());
		}
		catch (IOException ex) {
			blocks.close();
			throw new StoreOpenException("the history log in '" + directory.resolve(LOG_DIRECTORY)
					+ "' cannot be opened: " + ex, ex);
		}
		SeriesStore store = new SeriesStore(properties, clock, directory, blocks, log);
		store.load();
		return store;
	}

	// ---------------------------------------------------------------- writes

	/**
	 * Appends a sample of a node: {@code values[i]} is the value of metric {@code names[i]},
	 * {@code NaN} for n/a. Callers that send the same metrics every time should pass the same
	 * {@code names} array: it is mapped once.
	 * @return the rows appended; {@link #awaitDurable} before acknowledging them
	 * @throws OutOfOrderException when {@code time} is before the node's newest sample
	 */
	public Appended append(String node, long time, String[] names, double[] values, long interval, Origin origin) {
		NodeSeries series = series(node);
		List<NodeSeries.Sealed> sealed = new ArrayList<>(0);
		List<Row> rows;
		synchronized (series) {
			if (series.forgotten) {
				// forgotten while we waited for its lock: start it afresh
				return append(node, time, names, values, interval, origin);
			}
			if (series.lastSeq() > 0 && time < series.lastTime()) {
				throw new OutOfOrderException("sample at " + java.time.Instant.ofEpochMilli(time)
						+ " is older than node '" + node + "'s newest, at "
						+ java.time.Instant.ofEpochMilli(series.lastTime()));
			}
			List<String> added = series.map(names);
			if (!added.isEmpty()) {
				logMetrics(series, added);
			}
			if (!origin.run().equals(series.run())) {
				series.startRun(origin.run());
				logRun(series, origin.run());
			}
			long now = this.clock.millis();
			rows = series.append(time, values, interval, now, origin.seq(), origin.dropped(), sealed);
			series.logged(logSample(series, time, now, interval, origin, names, values));
			keep(sealed);
		}
		return new Appended(series.info(), rows);
	}

	/** Sets a node's texts (OS name, kernel): state, not series, kept with its series. */
	public void texts(String node, Map<String, String> texts) {
		NodeSeries series = series(node);
		synchronized (series) {
			if (series.info().texts().equals(texts)) {
				return;
			}
			series.texts(texts);
			WriteAheadLog log = this.log;
			if (log == null) {
				return;
			}
			Bytes record = new Bytes(64 + 32 * texts.size());
			record.write(WAL_TEXTS);
			record.varlong(series.id);
			record.varlong(texts.size());
			texts.forEach((key, value) -> {
				record.string(key);
				record.string(value);
			});
			series.logged(log.append(record));
		}
	}

	/**
	 * Waits until everything appended to the node so far is on disk: then, and only then, may it
	 * be acknowledged.
	 * @throws StorageUnavailableException while the disk fails: the data is in memory, not durable
	 */
	public void awaitDurable(String node) {
		WriteAheadLog log = this.log;
		NodeSeries series = this.nodes.get(node);
		if (log == null || series == null) {
			return;
		}
		long position;
		synchronized (series) {
			position = series.position();
		}
		String failed = this.failure;
		if (position < 0 || failed != null) {
			String reason = (failed != null) ? failed : "history could not be written";
			throw new StorageUnavailableException(reason, new IOException(reason));
		}
		try {
			log.sync(position);
		}
		catch (IOException ex) {
			failed("writing the history log in " + this.directory + " failed: " + ex.getMessage(), ex);
			throw new StorageUnavailableException(String.valueOf(this.failure), ex);
		}
	}

	/**
	 * Keeps a small named record beside the series, such as the alerts' states, with the same
	 * guarantee: it is in the log at once and survives a crash once {@link #awaitState} returns.
	 * An empty value removes it.
	 * @return the log position to wait for
	 */
	public long saveState(String name, byte[] value) {
		long position = 0;
		synchronized (this.states) {
			if (value.length == 0) {
				this.states.remove(name);
			}
			else {
				this.states.put(name, value.clone());
			}
			this.dirtyStates.add(name);
			WriteAheadLog log = this.log;
			if (log != null) {
				Bytes record = new Bytes(32 + name.length() + value.length);
				record.write(WAL_STATE);
				record.string(name);
				record.varlong(value.length);
				record.write(value);
				position = log.append(record);
			}
		}
		return position;
	}

	/** Waits until a record saved at {@code position} is on disk; false when it cannot be now. */
	public boolean awaitState(long position) {
		WriteAheadLog log = this.log;
		if (log == null || position == 0) {
			return true;
		}
		if (position < 0 || this.failure != null) {
			return false;
		}
		try {
			log.sync(position);
			return true;
		}
		catch (IOException ex) {
			failed("writing the history log in " + this.directory + " failed: " + ex.getMessage(), ex);
			return false;
		}
	}

	/** A record kept with {@link #saveState}, or null. */
	public byte @Nullable [] state(String name) {
		byte[] value = this.states.get(name);
		return (value != null) ? value.clone() : null;
	}

	/** Names of the records kept with {@link #saveState} that start with {@code prefix}. */
	public List<String> states(String prefix) {
		return this.states.keySet().stream().filter((name) -> name.startsWith(prefix)).sorted().toList();
	}

	/** Forgets a node: its series in every tier, its record and its log. */
	public boolean forget(String node) {
		NodeSeries series = this.nodes.get(node);
		if (series == null) {
			return false;
		}
		synchronized (series) {
			series.forgotten = true;
			this.nodes.remove(node, series);
			WriteAheadLog log = this.log;
			if (log != null) {
				Bytes record = new Bytes(16);
				record.write(WAL_FORGET);
				record.varlong(series.id);
				log.append(record);
			}
		}
		delete(series);
		return true;
	}

	/** Deletes a forgotten node's blocks and record; committed with the next checkpoint. */
	private void delete(NodeSeries series) {
		for (int tier = 0; tier < Blocks.TIERS; tier++) {
			long from = Blocks.key(series.id, 0);
			long to = Blocks.key(series.id + 1, 0) - 1;
			this.pending[tier].subMap(from, true, to, true).clear();
			int t = tier;
			try {
				List<Long> keys = new ArrayList<>();
				this.blocks.range(tier, from, to, (key, block) -> {
					keys.add(key);
					subtractSize(t, Blocks.startOf(key), block.length);
				});
				keys.forEach((key) -> this.blocks.remove(t, key));
			}
			catch (RuntimeException ex) {
				failed("forgetting node '" + series.name + "' in " + this.blocks.describe() + " failed: "
						+ ex.getMessage(), ex);
			}
		}
		try {
			this.blocks.removeRecord(NODE_PREFIX + series.name);
		}
		catch (RuntimeException ex) {
			failed("forgetting node '" + series.name + "' failed: " + ex.getMessage(), ex);
		}
	}

	private NodeSeries series(String node) {
		NodeSeries series = this.nodes.get(node);
		if (series != null) {
			return series;
		}
		return this.nodes.computeIfAbsent(node, (name) -> {
			NodeSeries created = new NodeSeries(name, this.nextId.getAndIncrement(), this.clock.millis());
			WriteAheadLog log = this.log;
			if (log != null) {
				Bytes record = new Bytes(64);
				record.write(WAL_NODE);
				record.string(name);
				record.varlong(created.id);
				record.signed(created.epoch);
				log.append(record);
			}
			return created;
		});
	}

	private void keep(List<NodeSeries.Sealed> sealed) {
		for (NodeSeries.Sealed block : sealed) {
			this.pending[block.tier()].put(block.key(), block.bytes());
		}
	}

	private void logMetrics(NodeSeries series, List<String> added) {
		WriteAheadLog log = this.log;
		if (log == null) {
			return;
		}
		Bytes record = new Bytes(32 + 32 * added.size());
		record.write(WAL_METRICS);
		record.varlong(series.id);
		record.varlong(added.size());
		added.forEach(record::string);
		log.append(record);
	}

	private void logRun(NodeSeries series, String run) {
		WriteAheadLog log = this.log;
		if (log == null) {
			return;
		}
		Bytes record = new Bytes(64);
		record.write(WAL_RUN);
		record.varlong(series.id);
		record.string(run);
		log.append(record);
	}

	/** The sample as it came: replaying it through the same code gives the same rows. */
	private long logSample(NodeSeries series, long time, long seen, long interval, Origin origin, String[] names,
			double[] values) {
		WriteAheadLog log = this.log;
		if (log == null) {
			return 0;
		}
		Bytes record = LOG_BUFFER.get();
		record.reset();
		record.write(WAL_SAMPLE);
		record.varlong(series.id);
		record.varlong(series.lastSeq());
		record.signed(time);
		record.signed(seen);
		record.varlong(interval);
		record.varlong(origin.seq());
		record.varlong(origin.dropped());
		record.varlong(names.length);
		int[] mapping = series.mapping();
		for (int i = 0; i < names.length; i++) {
			int metric = mapping[i];
			record.varlong(metric);
			double value = values[i];
			Precision precision = series.precision(metric);
			if (Double.isNaN(value)) {
				record.write(Column.MISSING);
			}
			else if (precision.fits(value)) {
				record.write(Column.VALUE);
				record.signed(precision.number(value));
			}
			else {
				record.write(Column.RAW);
				record.int64(Double.doubleToLongBits(value));
			}
		}
		return log.append(record);
	}

	private static final ThreadLocal<Bytes> LOG_BUFFER = ThreadLocal.withInitial(() -> new Bytes(1024));

	// ---------------------------------------------------------------- reads

	public Optional<NodeInfo> node(String name) {
		NodeSeries series = this.nodes.get(name);
		return (series != null) ? Optional.of(series.info()) : Optional.empty();
	}

	public Collection<NodeInfo> nodes() {
		List<NodeInfo> infos = new ArrayList<>(this.nodes.size());
		this.nodes.values().forEach((series) -> infos.add(series.info()));
		return infos;
	}

	/**
	 * The node's newest samples after {@code afterSeq}, at most {@code count}, oldest first, with
	 * the values of the metrics asked for (by name; {@code NaN} for one the node does not have).
	 */
	public List<Row> recent(String node, int count, long afterSeq, List<String> metrics) {
		NodeSeries series = this.nodes.get(node);
		if (series == null || count <= 0) {
			return List.of();
		}
		int[] columns = new int[metrics.size()];
		SampleBlock head;
		synchronized (series) {
			for (int i = 0; i < columns.length; i++) {
				columns[i] = series.indexOf(metrics.get(i));
			}
			head = series.head0();
		}
		List<SampleBlock> newestFirst = new ArrayList<>(2);
		int held = 0;
		long before = Long.MAX_VALUE;
		if (head != null) {
			newestFirst.add(head);
			held += head.count();
			before = Blocks.key(series.id, head.start());
		}
		else {
			before = Blocks.key(series.id + 1, 0);
		}
		while (held < count) {
			Map.Entry<Long, byte[]> previous = lower(0, before, series.id);
			if (previous == null) {
				break;
			}
			SampleBlock block = SampleBlock.read(previous.getValue());
			if (block.lastSeq() <= afterSeq) {
				break;
			}
			newestFirst.add(block);
			held += block.count();
			before = previous.getKey();
		}
		List<Row> rows = new ArrayList<>(Math.min(count, held));
		for (int b = newestFirst.size() - 1; b >= 0; b--) {
			SampleBlock block = newestFirst.get(b);
			long[] times = block.times();
			Column[] values = new Column[columns.length];
			for (int c = 0; c < columns.length; c++) {
				values[c] = (columns[c] >= 0) ? block.column(columns[c]) : null;
			}
			for (int i = 0; i < block.count(); i++) {
				long seq = block.firstSeq() + i;
				if (seq <= afterSeq) {
					continue;
				}
				double[] row = new double[columns.length];
				for (int c = 0; c < columns.length; c++) {
					Column column = values[c];
					row[c] = (column != null) ? column.value(i, series.precision(columns[c])) : Double.NaN;
				}
				rows.add(new Row(seq, times[i], row));
			}
		}
		return (rows.size() > count) ? List.copyOf(rows.subList(rows.size() - count, rows.size())) : rows;
	}

	/**
	 * Where the node's samples came from, after {@code afterSeq}: at most {@code limit}, oldest
	 * first; {@code values} of each row are the sender's sample number and its run (counting from 1).
	 * Gap rows are not samples and are left out.
	 */
	public List<Row> origins(String node, long afterSeq, int limit) {
		NodeSeries series = this.nodes.get(node);
		if (series == null || limit <= 0) {
			return List.of();
		}
		SampleBlock head;
		synchronized (series) {
			head = series.head0();
		}
		// walk back to the block that holds afterSeq + 1, then forward
		List<SampleBlock> newestFirst = new ArrayList<>();
		long before = (head != null) ? Blocks.key(series.id, head.start()) : Blocks.key(series.id + 1, 0);
		if (head != null) {
			newestFirst.add(head);
		}
		while (newestFirst.isEmpty() || newestFirst.get(newestFirst.size() - 1).firstSeq() > afterSeq + 1) {
			Map.Entry<Long, byte[]> previous = lower(0, before, series.id);
			if (previous == null) {
				break;
			}
			newestFirst.add(SampleBlock.read(previous.getValue()));
			before = previous.getKey();
		}
		List<Row> rows = new ArrayList<>();
		for (int b = newestFirst.size() - 1; b >= 0 && rows.size() < limit; b--) {
			SampleBlock block = newestFirst.get(b);
			if (block.lastSeq() <= afterSeq) {
				continue;
			}
			long[] times = block.times();
			Column seqs = block.originSeq();
			Column runs = block.originRun();
			for (int i = 0; i < block.count() && rows.size() < limit; i++) {
				long seq = block.firstSeq() + i;
				if (seq > afterSeq && seqs.numbers[i] > 0) { // 0: a gap row, not a sample
					rows.add(new Row(seq, times[i], new double[] { seqs.numbers[i], runs.numbers[i] }));
				}
			}
		}
		return rows;
	}

	/**
	 * A metric's values from {@code from} to {@code to} (epoch milliseconds, both included), at
	 * most {@code points} points, from the finest tier that covers the range at that resolution:
	 * tier 0 when the buckets are finer than a minute, else the coarsest tier whose points are no
	 * wider than a bucket and whose retention reaches back to {@code from}.
	 */
	public SeriesRange range(String node, String metric, long from, long to, int points) {
		NodeSeries series = this.nodes.get(node);
		if (series == null || to < from || points < 1) {
			return SeriesRange.empty(0, 0);
		}
		long interval = Math.max(1, series.info().interval());
		long span = to - from + 1;
		long wanted = Math.max(interval, ceilDiv(span, points));
		long now = this.clock.millis();
		int tier = 0;
		for (int t = 2; t >= 1; t--) {
			boolean covers = from >= now - this.properties.tier(t).retention().toMillis();
			if (NodeSeries.RESOLUTIONS[t] <= wanted && (covers || !coversTier0(from, now))) {
				tier = t;
				break;
			}
		}
		if (tier == 0 && !coversTier0(from, now)) {
			// older than tier 0 keeps: the finest rollup that reaches back
			tier = (from >= now - this.properties.tier(1).retention().toMillis()) ? 1 : 2;
		}
		int index;
		synchronized (series) {
			index = series.indexOf(metric);
		}
		if (index < 0) {
			return SeriesRange.empty(tier, wanted);
		}
		return (tier == 0) ? readSamples(series, index, from, to, points, interval)
				: readRollups(series, tier, index, from, to, points);
	}

	private boolean coversTier0(long from, long now) {
		return from >= now - this.properties.tier(0).retention().toMillis();
	}

	private SeriesRange readSamples(NodeSeries series, int metric, long from, long to, int points, long interval) {
		Precision precision = series.precision(metric);
		List<long[]> timeParts = new ArrayList<>();
		List<double[]> valueParts = new ArrayList<>();
		int total = 0;
		SampleBlock head;
		synchronized (series) {
			head = series.head0();
		}
		long headKey = (head != null) ? Blocks.key(series.id, head.start()) : Long.MAX_VALUE;
		long fromKey = Blocks.key(series.id, Math.floorDiv(from, NodeSeries.PERIOD_0) * NodeSeries.PERIOD_0);
		long toKey = Math.min(Blocks.key(series.id, to), headKey - 1);
		for (byte[] bytes : blocks(0, fromKey, toKey)) {
			total += collect(SampleBlock.read(bytes), metric, precision, from, to, timeParts, valueParts);
		}
		if (head != null && head.start() <= to) {
			total += collect(head, metric, precision, from, to, timeParts, valueParts);
		}
		long[] times = new long[total];
		double[] values = new double[total];
		int at = 0;
		for (int p = 0; p < timeParts.size(); p++) {
			System.arraycopy(timeParts.get(p), 0, times, at, timeParts.get(p).length);
			System.arraycopy(valueParts.get(p), 0, values, at, valueParts.get(p).length);
			at += timeParts.get(p).length;
		}
		if (total <= points) {
			return new SeriesRange(0, interval, times, values, values.clone(), values.clone());
		}
		long step = ceilDiv(to - from + 1, points);
		Buckets buckets = new Buckets(from, to, step);
		for (int i = 0; i < total; i++) {
			buckets.add(times[i], 1, values[i], values[i], values[i]);
		}
		return buckets.range(0);
	}

	private static int collect(SampleBlock block, int metric, Precision precision, long from, long to,
			List<long[]> timeParts, List<double[]> valueParts) {
		long[] times = block.times();
		int first = 0;
		while (first < times.length && times[first] < from) {
			first++;
		}
		int last = times.length;
		while (last > first && times[last - 1] > to) {
			last--;
		}
		if (last <= first) {
			return 0;
		}
		Column column = block.column(metric);
		double[] values = new double[last - first];
		for (int i = first; i < last; i++) {
			values[i - first] = column.value(i, precision);
		}
		timeParts.add(java.util.Arrays.copyOfRange(times, first, last));
		valueParts.add(values);
		return last - first;
	}

	private SeriesRange readRollups(NodeSeries series, int tier, int metric, long from, long to, int points) {
		Precision precision = series.precision(metric);
		long resolution = NodeSeries.RESOLUTIONS[tier];
		long step = Math.max(resolution, ceilDiv(ceilDiv(to - from + 1, points), resolution) * resolution);
		long alignedFrom = Math.floorDiv(from, step) * step;
		Buckets buckets = new Buckets(alignedFrom, to, step);
		RollupBlock head;
		Accumulator open;
		synchronized (series) {
			head = series.head(tier);
			open = series.openPoint(tier);
		}
		long period = NodeSeries.PERIODS[tier];
		long headKey = (head != null) ? Blocks.key(series.id, head.start()) : Long.MAX_VALUE;
		long fromKey = Blocks.key(series.id, Math.floorDiv(alignedFrom, period) * period);
		long toKey = Math.min(Blocks.key(series.id, to), headKey - 1);
		for (byte[] bytes : blocks(tier, fromKey, toKey)) {
			addPoints(RollupBlock.read(bytes), metric, precision, buckets);
		}
		if (head != null) {
			addPoints(head, metric, precision, buckets);
		}
		if (open != null && metric < open.size() && open.count(metric) > 0) {
			buckets.add(open.start(), open.count(metric), open.min(metric), open.max(metric), open.sum(metric));
		}
		return buckets.range(tier);
	}

	private static void addPoints(RollupBlock block, int metric, Precision precision, Buckets buckets) {
		long[] times = block.times();
		Rollup rollup = block.column(metric, precision);
		for (int i = 0; i < block.count(); i++) {
			if (rollup.counts[i] > 0) {
				buckets.add(times[i], rollup.counts[i], rollup.min[i], rollup.max[i], rollup.sum[i]);
			}
		}
	}

	/** Stored and not yet stored blocks of a tier between two keys, in key order. */
	private List<byte[]> blocks(int tier, long fromKey, long toKey) {
		TreeMap<Long, byte[]> found = new TreeMap<>();
		if (fromKey <= toKey) {
			try {
				this.blocks.range(tier, fromKey, toKey, found::put);
			}
			catch (RuntimeException ex) {
				if (this.failure == null) {
					throw ex;
				}
				// the store is being recovered: what is pending still answers
			}
			found.putAll(this.pending[tier].subMap(fromKey, true, toKey, true));
		}
		return new ArrayList<>(found.values());
	}

	/** The newest block of a node before {@code key}, stored or pending. */
	private Map.@Nullable Entry<Long, byte[]> lower(int tier, long key, int node) {
		Map.Entry<Long, byte[]> pendingEntry = this.pending[tier].lowerEntry(key);
		if (pendingEntry != null && Blocks.nodeOf(pendingEntry.getKey()) != node) {
			pendingEntry = null;
		}
		Map.Entry<Long, byte[]> stored = null;
		try {
			Long storedKey = this.blocks.lowerKey(tier, key);
			if (storedKey != null && Blocks.nodeOf(storedKey) == node
					&& (pendingEntry == null || storedKey > pendingEntry.getKey())) {
				byte[] bytes = this.blocks.get(tier, storedKey);
				stored = (bytes != null) ? Map.entry(storedKey, bytes) : null;
			}
		}
		catch (RuntimeException ex) {
			if (this.failure == null) {
				throw ex;
			}
		}
		return (stored != null) ? stored : pendingEntry;
	}

	private static long ceilDiv(long a, long b) {
		return -Math.floorDiv(-a, b);
	}

	// ---------------------------------------------------------------- checkpoints and retention

	/**
	 * Writes every sealed block and the blocks being filled into the store and commits; then the
	 * log before it is deleted. After a failure, this is also how the store recovers.
	 * @return true when the store is healthy afterwards
	 */
	public boolean checkpoint() {
		synchronized (this.checkpointLock) {
			List<NodeSeries> written = new ArrayList<>();
			List<Long> counts = new ArrayList<>();
			try {
				if (this.failure != null) {
					reopen();
				}
				WriteAheadLog log = this.log;
				long segment = (log != null && this.failure == null) ? log.rotate() : -1;
				List<List<Map.Entry<Long, byte[]>>> sealed = new ArrayList<>(Blocks.TIERS);
				for (int tier = 0; tier < Blocks.TIERS; tier++) {
					List<Map.Entry<Long, byte[]>> blocks = new ArrayList<>(this.pending[tier].entrySet());
					for (Map.Entry<Long, byte[]> block : blocks) {
						this.blocks.put(tier, block.getKey(), block.getValue());
					}
					sealed.add(blocks);
				}
				for (NodeSeries series : this.nodes.values()) {
					List<NodeSeries.Sealed> partial;
					byte[] record;
					synchronized (series) {
						if (series.forgotten || !series.dirty) {
							continue;
						}
						partial = series.partialBlocks();
						record = series.record();
						series.dirty = false;
						written.add(series);
						counts.add(series.unloggedAppends());
					}
					for (NodeSeries.Sealed block : partial) {
						this.blocks.put(block.tier(), block.key(), block.bytes());
					}
					this.blocks.putRecord(NODE_PREFIX + series.name, record);
				}
				List<String> states = new ArrayList<>(this.dirtyStates);
				for (String name : states) {
					this.dirtyStates.remove(name);
					byte[] value = this.states.get(name);
					if (value != null) {
						this.blocks.putRecord(STATE_PREFIX + name, value);
					}
					else {
						this.blocks.removeRecord(STATE_PREFIX + name);
					}
				}
				this.blocks.putRecord(STORE_RECORD, storeRecord());
				this.blocks.commit();
				// written: sealed blocks leave memory and count towards their tier's size
				for (int tier = 0; tier < Blocks.TIERS; tier++) {
					for (Map.Entry<Long, byte[]> block : sealed.get(tier)) {
						if (this.pending[tier].remove(block.getKey(), block.getValue())) {
							addSize(tier, Blocks.startOf(block.getKey()), block.getValue().length);
						}
					}
				}
				if (log != null && this.failure != null) {
					log.restart(); // everything it held is in the commit just made
				}
				else if (log != null) {
					log.deleteThrough(segment);
				}
				// appends the log could not take are durable now, if none came after the snapshot
				for (int i = 0; i < written.size(); i++) {
					NodeSeries series = written.get(i);
					synchronized (series) {
						series.checkpointed(counts.get(i));
					}
				}
				recovered();
				this.lastCheckpoint = this.clock.millis();
				return true;
			}
			catch (IOException | RuntimeException ex) {
				failed("writing history to " + this.blocks.describe() + " failed: " + ex.getMessage(), ex);
				markAllDirty();
				this.dirtyStates.addAll(this.states.keySet());
				return false;
			}
		}
	}

	/** Drops what is older than each tier's retention, then the oldest until each tier fits its size. */
	public void retain() {
		long now = this.clock.millis();
		for (int tier = 0; tier < Blocks.TIERS; tier++) {
			HistoryProperties.Tier limits = this.properties.tier(tier);
			// a block goes when all of its period is older than the retention
			dropBefore(tier, now - limits.retention().toMillis() - NodeSeries.PERIODS[tier] + 1);
			long max = limits.maxSize().toBytes();
			while (true) {
				long oldest;
				synchronized (this.sizes[tier]) {
					if (total(tier) <= max || this.sizes[tier].isEmpty()) {
						break;
					}
					oldest = this.sizes[tier].firstKey();
				}
				dropBefore(tier, oldest + BUCKETS[tier]);
			}
		}
	}

	/** Removes every block of a tier whose period starts before {@code time}, of every node. */
	private void dropBefore(int tier, long time) {
		if (time <= 0) {
			return;
		}
		for (NodeSeries series : this.nodes.values()) {
			long from = Blocks.key(series.id, 0);
			long to = Blocks.key(series.id, time) - 1;
			if (to < from) {
				continue;
			}
			this.pending[tier].subMap(from, true, to, true).clear();
			List<Long> keys = new ArrayList<>();
			try {
				this.blocks.keys(tier, from, to, keys::add);
				keys.forEach((key) -> this.blocks.remove(tier, key));
			}
			catch (RuntimeException ex) {
				failed("dropping old history from " + this.blocks.describe() + " failed: " + ex.getMessage(), ex);
				return;
			}
		}
		synchronized (this.sizes[tier]) {
			this.sizes[tier].headMap(Math.floorDiv(time, BUCKETS[tier]) * BUCKETS[tier], false).clear();
		}
	}

	private long total(int tier) {
		long total = 0;
		for (long bytes : this.sizes[tier].values()) {
			total += bytes;
		}
		return total;
	}

	private void addSize(int tier, long start, long bytes) {
		synchronized (this.sizes[tier]) {
			this.sizes[tier].merge(Math.floorDiv(start, BUCKETS[tier]) * BUCKETS[tier], bytes, Long::sum);
		}
	}

	private void subtractSize(int tier, long start, long bytes) {
		synchronized (this.sizes[tier]) {
			this.sizes[tier].computeIfPresent(Math.floorDiv(start, BUCKETS[tier]) * BUCKETS[tier],
					(bucket, old) -> (old - bytes > 0) ? old - bytes : null);
		}
	}

	private void markAllDirty() {
		for (NodeSeries series : this.nodes.values()) {
			synchronized (series) {
				series.dirty = true;
			}
		}
	}

	private byte[] storeRecord() {
		Bytes out = new Bytes(256);
		out.write(1);
		out.varlong(this.nextId.get());
		for (int tier = 0; tier < Blocks.TIERS; tier++) {
			synchronized (this.sizes[tier]) {
				out.varlong(this.sizes[tier].size());
				for (Map.Entry<Long, Long> bucket : this.sizes[tier].entrySet()) {
					out.signed(bucket.getKey());
					out.varlong(bucket.getValue());
				}
			}
		}
		return out.toArray();
	}

	// ---------------------------------------------------------------- failures

	/** Logs the first failure once; later ones only at debug until the store has recovered. */
	private void failed(String reason, Throwable cause) {
		if (this.failure == null) {
			this.failure = reason;
			logger.error("History cannot be written: " + reason + ". statwall keeps what it holds in memory, "
					+ "acknowledges nothing until it can write again, and retries at every checkpoint", cause);
			WriteAheadLog log = this.log;
			if (log != null) {
				log.fail((cause instanceof IOException io) ? io : new IOException(reason, cause));
			}
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("History still cannot be written: " + reason, cause);
		}
	}

	private void recovered() {
		String was = this.failure;
		if (was != null) {
			this.failure = null;
			logger.info("History is written again to " + this.blocks.describe() + "; everything held meanwhile is on disk");
		}
	}

	/** After a failure the MVStore may have closed itself: open the file again at its last commit. */
	private void reopen() {
		Path directory = this.directory;
		if (directory == null || !(this.blocks instanceof MvBlocks current) || !current.isClosed()) {
			return;
		}
		current.abandon();
		this.blocks = new MvBlocks(directory.resolve(FILE).toAbsolutePath());
	}

	/** Why history cannot be written now, or null while it can. */
	public @Nullable String failure() {
		return this.failure;
	}

	// ---------------------------------------------------------------- opening

	private void load() {
		long start = System.nanoTime();
		Map<String, byte[]> records = this.blocks.records();
		byte[] store = records.get(STORE_RECORD);
		if (store != null) {
			readStoreRecord(store);
		}
		int restored = 0;
		int maxId = 0;
		for (Map.Entry<String, byte[]> record : records.entrySet()) {
			if (record.getKey().startsWith(STATE_PREFIX)) {
				this.states.put(record.getKey().substring(STATE_PREFIX.length()), record.getValue());
				continue;
			}
			if (!record.getKey().startsWith(NODE_PREFIX)) {
				continue;
			}
			try {
				NodeSeries series = NodeSeries.restore(record.getValue(), this.blocks::get);
				this.nodes.put(series.name, series);
				maxId = Math.max(maxId, series.id);
				restored++;
			}
			catch (RuntimeException ex) {
				logger.warn("The history of node '" + record.getKey().substring(NODE_PREFIX.length())
						+ "' cannot be read from " + this.blocks.describe() + "; it starts empty", ex);
			}
		}
		this.nextId.accumulateAndGet(maxId + 1, Math::max);
		int[] replayed = { 0 };
		Path directory = this.directory;
		if (directory != null) {
			try {
				int torn = WriteAheadLog.replay(directory.resolve(LOG_DIRECTORY), (in) -> {
					replay(in);
					replayed[0]++;
				});
				if (torn > 0) {
					logger.info("The history log ended in the middle of a record (a crash while writing it); "
							+ "what was cut off had not been acknowledged");
				}
			}
			catch (IOException ex) {
				throw new StoreOpenException("the history log in '" + directory.resolve(LOG_DIRECTORY)
						+ "' cannot be read: " + ex, ex);
			}
		}
		if (restored > 0 || replayed[0] > 0) {
			logger.info("History of " + this.nodes.size() + " nodes opened from " + this.blocks.describe() + " ("
					+ replayed[0] + " log records replayed) in " + (System.nanoTime() - start) / 1_000_000 + " ms");
		}
		if (replayed[0] > 0) {
			checkpoint();
		}
	}

	private void readStoreRecord(byte[] record) {
		Bytes.Reader in = new Bytes.Reader(record);
		if (in.read() != 1) {
			return;
		}
		this.nextId.set((int) in.varlong());
		for (int tier = 0; tier < Blocks.TIERS; tier++) {
			int count = in.varint(1 << 24);
			for (int i = 0; i < count; i++) {
				this.sizes[tier].put(in.signed(), in.varlong());
			}
		}
	}

	private final Map<Integer, NodeSeries> replaying = new java.util.HashMap<>();

	/** Applies one log record again: the same calls, so the same state. */
	private void replay(Bytes.Reader in) {
		int type = in.read();
		if (type == WAL_NODE) {
			String name = in.string();
			int id = in.varint(Integer.MAX_VALUE);
			long epoch = in.signed();
			NodeSeries existing = this.nodes.get(name);
			if (existing == null || existing.id != id) {
				NodeSeries created = new NodeSeries(name, id, epoch);
				this.nodes.put(name, created);
				this.replaying.put(id, created);
			}
			else {
				this.replaying.put(id, existing);
			}
			this.nextId.accumulateAndGet(id + 1, Math::max);
			return;
		}
		if (type == WAL_STATE) {
			String name = in.string();
			int length = in.varint(16 * 1024 * 1024);
			byte[] value = new byte[length];
			for (int i = 0; i < length; i++) {
				value[i] = (byte) in.read();
			}
			if (length == 0) {
				this.states.remove(name);
			}
			else {
				this.states.put(name, value);
			}
			this.dirtyStates.add(name);
			return;
		}
		int id = in.varint(Integer.MAX_VALUE);
		NodeSeries series = this.replaying.get(id);
		if (series == null) {
			for (NodeSeries candidate : this.nodes.values()) {
				if (candidate.id == id) {
					series = candidate;
					this.replaying.put(id, candidate);
					break;
				}
			}
		}
		if (series == null) {
			return; // a node forgotten before the checkpoint
		}
		switch (type) {
			case WAL_METRICS -> {
				int count = in.varint(SampleBlock.MAX_COLUMNS);
				for (int i = 0; i < count; i++) {
					String metric = in.string();
					if (series.indexOf(metric) < 0) {
						series.addMetric(metric);
					}
				}
			}
			case WAL_RUN -> {
				String run = in.string();
				if (!run.equals(series.run())) {
					series.startRun(run);
				}
			}
			case WAL_TEXTS -> {
				int count = in.varint(SampleBlock.MAX_COLUMNS);
				Map<String, String> texts = new java.util.LinkedHashMap<>();
				for (int i = 0; i < count; i++) {
					texts.put(in.string(), in.string());
				}
				series.texts(texts);
			}
			case WAL_FORGET -> {
				series.forgotten = true;
				this.nodes.remove(series.name, series);
				this.replaying.remove(id);
				delete(series);
			}
			case WAL_SAMPLE -> replaySample(series, in);
			default -> throw new CorruptBlockException("unknown log record " + type);
		}
	}

	private void replaySample(NodeSeries series, Bytes.Reader in) {
		long seq = in.varlong();
		long time = in.signed();
		long seen = in.signed();
		long interval = in.varlong();
		long originSeq = in.varlong();
		long dropped = in.varlong();
		int count = in.varint(SampleBlock.MAX_COLUMNS);
		String[] names = new String[count];
		double[] values = new double[count];
		for (int i = 0; i < count; i++) {
			int metric = in.varint(series.metricCount() - 1);
			names[i] = series.metric(metric);
			int kind = in.read();
			Precision precision = series.precision(metric);
			values[i] = switch (kind) {
				case Column.VALUE -> precision.value(in.signed());
				case Column.RAW -> Double.longBitsToDouble(in.int64());
				default -> Double.NaN;
			};
		}
		if (seq <= series.lastSeq()) {
			return; // in the checkpoint already
		}
		series.map(names);
		List<NodeSeries.Sealed> sealed = new ArrayList<>(0);
		series.append(time, values, interval, seen, originSeq, dropped, sealed);
		keep(sealed);
	}

	@Override
	public void close() {
		synchronized (this.checkpointLock) {
			if (this.log != null) {
				checkpoint();
				try {
					this.log.close();
				}
				catch (IOException ex) {
					logger.warn("Closing the history log failed", ex);
				}
			}
			try {
				this.blocks.close();
			}
			catch (RuntimeException ex) {
				// the disk failed; the log holds what the store could not take
				logger.warn("Closing the history store " + this.blocks.describe() + " failed: " + ex.getMessage());
			}
		}
	}

	/** Bytes on disk: the store file and the log. */
	public long diskBytes() {
		WriteAheadLog log = this.log;
		return this.blocks.diskBytes() + ((log != null) ? log.size() : 0);
	}

	/** Bytes of sealed blocks per tier, as retention counts them. */
	public long tierBytes(int tier) {
		synchronized (this.sizes[tier]) {
			return total(tier);
		}
	}

	/** Bytes the blocks being filled hold in memory, all nodes. */
	public long memoryBytes() {
		long bytes = 0;
		for (NodeSeries series : this.nodes.values()) {
			synchronized (series) {
				bytes += series.memory();
			}
		}
		for (int tier = 0; tier < Blocks.TIERS; tier++) {
			for (byte[] block : this.pending[tier].values()) {
				bytes += block.length + 64;
			}
		}
		return bytes;
	}

	long lastCheckpoint() {
		return this.lastCheckpoint;
	}

	/**
	 * What an append did.
	 *
	 * @param node the node after it
	 * @param rows the rows appended: a gap row first if the node had been silent, then the sample
	 */
	public record Appended(NodeInfo node, List<Row> rows) {
	}

}
