package dev.statwall.buffer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wave's map buffer: keyed rows that are put and deleted, for tables such as the top processes.
 * Every change carries the next sequence number so that a client can tell which state it holds.
 */
public final class MapBuffer {

	private final List<String> columns;

	private final Map<String, KeyedRow> rows = new ConcurrentHashMap<>();

	private volatile long lastSeq;

	public MapBuffer(List<String> columns) {
		this(columns, 0);
	}

	/**
	 * A buffer whose first change gets {@code lastSeq + 1}: one that replaces a buffer with other
	 * columns starts past the old one's last number, so a client holding the old rows sees a gap
	 * and fetches the new table instead of ignoring it.
	 */
	public MapBuffer(List<String> columns, long lastSeq) {
		this.columns = List.copyOf(columns);
		this.lastSeq = lastSeq;
	}

	public List<String> columns() {
		return this.columns;
	}

	public long lastSeq() {
		return this.lastSeq;
	}

	public Collection<KeyedRow> rows() {
		return List.copyOf(this.rows.values());
	}

	/**
	 * Replaces the whole content with {@code next}, keeping rows whose cells did not change. The
	 * sequence number moves only when something changed: a client that holds the table is not sent
	 * after a change that is not there.
	 * @return what changed, to be pushed to live clients; empty when nothing did
	 */
	public synchronized MapChange replaceAll(Map<String, List<Object>> next) {
		List<KeyedRow> put = new ArrayList<>();
		for (Map.Entry<String, List<Object>> entry : next.entrySet()) {
			KeyedRow old = this.rows.get(entry.getKey());
			if (old == null || !old.cells().equals(entry.getValue())) {
				KeyedRow row = new KeyedRow(entry.getKey(), cells(entry.getValue()));
				this.rows.put(row.key(), row);
				put.add(row);
			}
		}
		List<String> deleted = new ArrayList<>();
		for (String key : Set.copyOf(this.rows.keySet())) {
			if (!next.containsKey(key)) {
				this.rows.remove(key);
				deleted.add(key);
			}
		}
		if (put.isEmpty() && deleted.isEmpty()) {
			return new MapChange(this.lastSeq, put, deleted);
		}
		this.lastSeq++;
		return new MapChange(this.lastSeq, put, deleted);
	}

	/** Puts one row; putting the cells a row already has changes nothing, not even the sequence number. */
	public synchronized MapChange put(String key, List<Object> cells) {
		KeyedRow old = this.rows.get(key);
		if (old != null && old.cells().equals(cells)) {
			return new MapChange(this.lastSeq, List.of(), List.of());
		}
		KeyedRow row = new KeyedRow(key, cells(cells));
		this.rows.put(key, row);
		return new MapChange(++this.lastSeq, List.of(row), List.of());
	}

	/** Deletes one row; deleting a key that is not there changes nothing, not even the sequence number. */
	public synchronized MapChange delete(String key) {
		if (this.rows.remove(key) == null) {
			return new MapChange(this.lastSeq, List.of(), List.of());
		}
		return new MapChange(++this.lastSeq, List.of(), List.of(key));
	}

	/** A row of a map buffer; cells follow the buffer's columns. */
	/** An unmodifiable copy that keeps null cells (a table's n/a), which {@code List.copyOf} refuses. */
	private static List<Object> cells(List<Object> cells) {
		return Collections.unmodifiableList(new ArrayList<>(cells));
	}

	public record KeyedRow(String key, List<Object> cells) {
	}

	/** The rows put and the keys deleted by one change. */
	public record MapChange(long seq, List<KeyedRow> put, List<String> deleted) {

		public boolean isEmpty() {
			return this.put.isEmpty() && this.deleted.isEmpty();
		}

	}

}
