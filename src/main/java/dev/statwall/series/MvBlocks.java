package dev.statwall.series;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.jspecify.annotations.Nullable;

/**
 * Blocks in an H2 MVStore file: append-only chunks with checksums, so a crash in the middle of a
 * write leaves the last commit readable. Nothing is committed but by {@link #commit}: the store's
 * write-ahead log covers what came since. Pages are not compressed again: blocks already are.
 */
final class MvBlocks implements Blocks {

	private final Path file;

	private final MVStore store;

	private final MVMap<Long, byte[]>[] tiers;

	private final MVMap<String, byte[]> records;

	@SuppressWarnings("unchecked")
	MvBlocks(Path file) {
		this.file = file;
		this.store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
		this.tiers = new MVMap[TIERS];
		for (int i = 0; i < TIERS; i++) {
			this.tiers[i] = this.store.openMap("t" + i);
		}
		this.records = this.store.openMap("records");
	}

	@Override
	public void put(int tier, long key, byte[] block) {
		this.tiers[tier].put(key, block);
	}

	@Override
	public byte @Nullable [] get(int tier, long key) {
		return this.tiers[tier].get(key);
	}

	@Override
	public void remove(int tier, long key) {
		this.tiers[tier].remove(key);
	}

	@Override
	public void range(int tier, long from, long to, BiConsumer<Long, byte[]> each) {
		if (from > to) {
			return;
		}
		Cursor<Long, byte[]> cursor = this.tiers[tier].cursor(from, to, false);
		while (cursor.hasNext()) {
			Long key = cursor.next();
			each.accept(key, cursor.getValue());
		}
	}

	@Override
	public @Nullable Long lowerKey(int tier, long key) {
		return this.tiers[tier].lowerKey(key);
	}

	@Override
	public void keys(int tier, long from, long to, LongConsumer each) {
		if (from > to) {
			return;
		}
		Cursor<Long, byte[]> cursor = this.tiers[tier].cursor(from, to, false);
		while (cursor.hasNext()) {
			each.accept(cursor.next());
		}
	}

	@Override
	public Map<String, byte[]> records() {
		return new HashMap<>(this.records);
	}

	@Override
	public void putRecord(String name, byte[] record) {
		this.records.put(name, record);
	}

	@Override
	public void removeRecord(String name) {
		this.records.remove(name);
	}

	@Override
	public void commit() {
		this.store.commit();
		this.store.sync();
		// rewrite chunks that retention has left mostly empty, a little at a time
		this.store.compact(80, 16 * 1024 * 1024);
	}

	@Override
	public long diskBytes() {
		try {
			return Files.size(this.file);
		}
		catch (java.io.IOException ex) {
			return 0;
		}
	}

	@Override
	public String describe() {
		return this.file.toString();
	}

	boolean isClosed() {
		return this.store.isClosed();
	}

	@Override
	public void close() {
		if (!this.store.isClosed()) {
			this.store.close();
		}
	}

	/** Closes without writing anything more, after a failure. */
	void abandon() {
		if (!this.store.isClosed()) {
			this.store.closeImmediately();
		}
	}

}
