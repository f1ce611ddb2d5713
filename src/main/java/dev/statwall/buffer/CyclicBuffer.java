package dev.statwall.buffer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.jspecify.annotations.Nullable;

/**
 * Wave's cyclic data buffer: fixed named columns, at most {@code capacity} rows, append only, the
 * oldest row drops out first.
 * <p>
 * Writers serialize on the buffer; readers never lock. A reader walks the ring backwards from the
 * published sequence number and stops at the first slot that a writer has already reused, so it
 * never sees a torn or out-of-order row.
 */
public final class CyclicBuffer {

	private final List<String> columns;

	private final int capacity;

	private final AtomicReferenceArray<Row> ring;

	private final long epoch;

	private volatile long lastSeq;

	public CyclicBuffer(List<String> columns, int capacity, long epoch) {
		if (capacity <= 0) {
			throw new IllegalArgumentException("capacity must be positive, was " + capacity);
		}
		if (columns.isEmpty()) {
			throw new IllegalArgumentException("a buffer needs at least one column");
		}
		this.columns = List.copyOf(columns);
		this.capacity = capacity;
		this.ring = new AtomicReferenceArray<>(capacity);
		this.epoch = epoch;
	}

	/**
	 * A buffer as a checkpoint saved it: the same epoch and the same sequence numbers, so clients
	 * that hold some of its rows resume without a gap or a duplicate.
	 * @param rows consecutive rows, oldest first; only the newest {@code capacity} are kept
	 */
	public static CyclicBuffer restore(List<String> columns, int capacity, long epoch, List<Row> rows) {
		CyclicBuffer buffer = new CyclicBuffer(columns, capacity, epoch);
		for (Row row : rows) {
			if (row.values().length != buffer.columns.size()
					|| (buffer.lastSeq != 0 && row.seq() != buffer.lastSeq + 1)) {
				throw new IllegalArgumentException("restored rows must be consecutive and fit the columns " + columns);
			}
			buffer.ring.set(buffer.slot(row.seq()), row);
			buffer.lastSeq = row.seq();
		}
		return buffer;
	}

	public List<String> columns() {
		return this.columns;
	}

	public int capacity() {
		return this.capacity;
	}

	/** Identifies this buffer's sequence; it changes when sequence numbers start again. */
	public long epoch() {
		return this.epoch;
	}

	public long lastSeq() {
		return this.lastSeq;
	}

	/** Appends a row and returns it with its sequence number. */
	public synchronized Row append(long time, double[] values) {
		if (values.length != this.columns.size()) {
			throw new IllegalArgumentException(
					"expected " + this.columns.size() + " values " + this.columns + ", got " + values.length);
		}
		long seq = this.lastSeq + 1;
		Row row = new Row(seq, time, values.clone());
		this.ring.set(slot(seq), row);
		this.lastSeq = seq;
		return row;
	}

	/** Rows with a sequence number greater than {@code afterSeq}, oldest first. */
	public List<Row> rowsAfter(long afterSeq) {
		long last = this.lastSeq;
		long first = Math.max(afterSeq + 1, last - this.capacity + 1);
		if (first > last) {
			return List.of();
		}
		List<Row> newestFirst = new ArrayList<>((int) (last - first + 1));
		for (long seq = last; seq >= first; seq--) {
			Row row = this.ring.get(slot(seq));
			if (row == null || row.seq() != seq) {
				break; // reused by a newer append while we read: everything older is gone too
			}
			newestFirst.add(row);
		}
		Collections.reverse(newestFirst);
		return newestFirst;
	}

	public List<Row> rows() {
		return rowsAfter(0);
	}

	public @Nullable Row latest() {
		long last = this.lastSeq;
		return (last == 0) ? null : this.ring.get(slot(last));
	}

	private int slot(long seq) {
		return (int) (seq % this.capacity);
	}

}
