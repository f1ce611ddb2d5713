package dev.statwall.series;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;

import org.jspecify.annotations.Nullable;

/** Blocks in memory only: for a node that keeps no history on disk, and for tests. */
final class MemoryBlocks implements Blocks {

	private final ConcurrentSkipListMap<Long, byte[]>[] tiers;

	private final Map<String, byte[]> records = new ConcurrentHashMap<>();

	@SuppressWarnings("unchecked")
	MemoryBlocks() {
		this.tiers = new ConcurrentSkipListMap[TIERS];
		for (int i = 0; i < TIERS; i++) {
			this.tiers[i] = new ConcurrentSkipListMap<>();
		}
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
		if (from <= to) {
			this.tiers[tier].subMap(from, true, to, true).forEach(each);
		}
	}

	@Override
	public @Nullable Long lowerKey(int tier, long key) {
		return this.tiers[tier].lowerKey(key);
	}

	@Override
	public void keys(int tier, long from, long to, LongConsumer each) {
		if (from <= to) {
			this.tiers[tier].subMap(from, true, to, true).keySet().forEach(each::accept);
		}
	}

	@Override
	public Map<String, byte[]> records() {
		return Map.copyOf(this.records);
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
	}

	@Override
	public long diskBytes() {
		return 0;
	}

	@Override
	public String describe() {
		return "memory";
	}

	@Override
	public void close() {
	}

}
