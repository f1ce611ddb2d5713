package dev.statwall.buffer;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Every buffer of this process by name, such as {@code node-1/monitor.cpu_stats}. The sampler and
 * ingest write; any number of web threads read at the same time.
 */
public final class BufferRepository {

	private final ConcurrentMap<String, CyclicBuffer> cyclic = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, MapBuffer> maps = new ConcurrentHashMap<>();

	private final Clock clock;

	public BufferRepository(Clock clock) {
		this.clock = clock;
	}

	/**
	 * The cyclic buffer with this name, created if missing. A buffer whose columns or size no longer
	 * match is replaced: its rows would not fit the card.
	 */
	public CyclicBuffer cyclic(String name, List<String> columns, int capacity) {
		CyclicBuffer buffer = this.cyclic.computeIfAbsent(name, (key) -> newCyclic(columns, capacity));
		if (!buffer.columns().equals(columns) || buffer.capacity() != capacity) {
			CyclicBuffer replacement = newCyclic(columns, capacity);
			return this.cyclic.merge(name, replacement, (old, given) -> (old == buffer) ? given : old);
		}
		return buffer;
	}

	/** Puts back a buffer a checkpoint saved, replacing any of the same name. */
	public void restore(String name, CyclicBuffer buffer) {
		this.cyclic.put(name, buffer);
	}

	public Optional<CyclicBuffer> findCyclic(String name) {
		return Optional.ofNullable(this.cyclic.get(name));
	}

	public MapBuffer map(String name, List<String> columns) {
		return this.maps.computeIfAbsent(name, (key) -> new MapBuffer(columns));
	}

	public Optional<MapBuffer> findMap(String name) {
		return Optional.ofNullable(this.maps.get(name));
	}

	public Set<String> cyclicNames() {
		return Set.copyOf(this.cyclic.keySet());
	}

	/** Forgets every buffer whose name starts with {@code prefix}, such as a forgotten node's. */
	public void removeAll(String prefix) {
		this.cyclic.keySet().removeIf((name) -> name.startsWith(prefix));
		this.maps.keySet().removeIf((name) -> name.startsWith(prefix));
	}

	private CyclicBuffer newCyclic(List<String> columns, int capacity) {
		// a new epoch tells clients that sequence numbers started again
		return new CyclicBuffer(columns, capacity, this.clock.millis());
	}

}
