package dev.statwall.series;

import java.util.Map;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

/**
 * Where the store keeps its blocks and node records: sorted maps of bytes, one per tier, keyed by
 * node and period start (see {@link #key}). Two kinds: on disk in an H2 MVStore file, and in
 * memory for a node that keeps no history.
 */
interface Blocks extends AutoCloseable {

	int TIERS = 3;

	/** Node ids take the high bits, the period start in seconds the low 36 (over two thousand years). */
	static long key(int node, long startMillis) {
		return ((long) node << 36) | (Math.floorDiv(startMillis, 1000L) & 0xF_FFFF_FFFFL);
	}

	static long startOf(long key) {
		return (key & 0xF_FFFF_FFFFL) * 1000L;
	}

	static int nodeOf(long key) {
		return (int) (key >>> 36);
	}

	void put(int tier, long key, byte[] block);

	byte @Nullable [] get(int tier, long key);

	void remove(int tier, long key);

	/** Blocks with keys from {@code from} to {@code to}, both included, in order. */
	void range(int tier, long from, long to, BiConsumer<Long, byte[]> each);

	/** The greatest key below {@code key}, or null. */
	@Nullable Long lowerKey(int tier, long key);

	/** Keys only, from {@code from} to {@code to}, both included, in order. */
	void keys(int tier, long from, long to, java.util.function.LongConsumer each);

	/** Node records, and the store's own small records, by name. */
	Map<String, byte[]> records();

	void putRecord(String name, byte[] record);

	void removeRecord(String name);

	/** Makes everything put so far durable; returns false when it could not (and says why in the exception). */
	void commit();

	/** Bytes on disk; 0 in memory. */
	long diskBytes();

	/** What this is, for messages: a file's path. */
	String describe();

	@Override
	void close();

}
