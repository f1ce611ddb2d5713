package dev.statwall.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Samples waiting for the hub, oldest first, in a bounded ring: when it is full the oldest sample
 * is dropped and counted, so a long outage costs the oldest data, never memory. The ring starts
 * small and grows up to its capacity only while a backlog builds, so a simulator's ten thousand
 * nodes that deliver every sample at once hold a few slots each, not 1,800.
 * <p>
 * The sampler adds while the sender reads: the sender peeks a batch, sends it, and only then
 * removes it by sequence number, so a sample dropped meanwhile cannot take a newer one with it.
 */
public final class Spool {

	private static final int INITIAL_SLOTS = 4;

	private final int capacity;

	/** Slots outside the samples held are null, so a dropped sample can be collected. */
	private @Nullable Entry[] ring;

	private int head;

	private int size;

	private long dropped;

	public Spool(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("a spool holds at least one sample, not " + capacity);
		}
		this.capacity = capacity;
		this.ring = new Entry[Math.min(capacity, INITIAL_SLOTS)];
	}

	/** Adds the newest sample; returns false when the oldest had to be dropped for it. */
	public synchronized boolean add(Entry entry) {
		if (this.size == this.ring.length && this.ring.length < this.capacity) {
			grow();
		}
		boolean room = this.size < this.ring.length;
		if (!room) {
			this.ring[this.head] = null;
			this.head = (this.head + 1) % this.ring.length;
			this.size--;
			this.dropped++;
		}
		this.ring[(this.head + this.size) % this.ring.length] = entry;
		this.size++;
		return room;
	}

	private void grow() {
		@Nullable Entry[] larger = new Entry[(int) Math.min(this.capacity, 2L * this.ring.length)];
		for (int i = 0; i < this.size; i++) {
			larger[i] = this.ring[(this.head + i) % this.ring.length];
		}
		this.ring = larger;
		this.head = 0;
	}

	/**
	 * Up to {@code max} of the oldest samples that share one list of metric names, so that they fit
	 * one batch.
	 */
	public synchronized List<Entry> peek(int max) {
		List<Entry> batch = new ArrayList<>(Math.min(max, this.size));
		for (int i = 0; i < this.size && batch.size() < max; i++) {
			Entry entry = entry(i);
			if (!batch.isEmpty() && entry.metrics() != batch.get(0).metrics()) {
				break;
			}
			batch.add(entry);
		}
		return batch;
	}

	/** The {@code i}th oldest sample held; {@code i} is below {@code size}. */
	private Entry entry(int i) {
		return Objects.requireNonNull(this.ring[(this.head + i) % this.ring.length]);
	}

	/** Removes every sample up to and including {@code seq}: the hub has them. */
	public synchronized void removeThrough(long seq) {
		while (this.size > 0 && entry(0).seq() <= seq) {
			this.ring[this.head] = null;
			this.head = (this.head + 1) % this.ring.length;
			this.size--;
		}
	}

	public synchronized int size() {
		return this.size;
	}

	public int capacity() {
		return this.capacity;
	}

	/** Samples dropped because the spool was full, since it was created. */
	public synchronized long dropped() {
		return this.dropped;
	}

	public synchronized long newestSeq() {
		return (this.size == 0) ? 0 : entry(this.size - 1).seq();
	}

	/**
	 * One sample as it waits: its values follow {@code metrics}, which consecutive samples share
	 * (the same array) as long as the node reports the same metrics. A class rather than a record:
	 * it holds arrays, shared on purpose and never changed once spooled, which a record's equality
	 * would not compare.
	 */
	public static final class Entry {

		private final long seq;

		private final long time;

		private final String[] metrics;

		private final double[] values;

		/**
		 * @param seq the sample's sequence number in this run
		 * @param time when it was taken, epoch milliseconds
		 * @param metrics the metric names
		 * @param values one per metric; {@code NaN} for n/a
		 */
		public Entry(long seq, long time, String[] metrics, double[] values) {
			this.seq = seq;
			this.time = time;
			this.metrics = metrics;
			this.values = values;
		}

		public long seq() {
			return this.seq;
		}

		public long time() {
			return this.time;
		}

		/** The names, shared with the samples before and after: not to be changed. */
		public String[] metrics() {
			return this.metrics;
		}

		/** The values, in the order of {@link #metrics()}: not to be changed. */
		public double[] values() {
			return this.values;
		}

		@Override
		public String toString() {
			return "Entry[seq=" + this.seq + ", time=" + this.time + ", " + this.metrics.length + " metrics]";
		}

	}

}
