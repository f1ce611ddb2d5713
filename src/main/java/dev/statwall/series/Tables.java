package dev.statwall.series;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import dev.statwall.buffer.MapBuffer;
import dev.statwall.buffer.MapBuffer.MapChange;
import dev.statwall.sampling.Table;

/**
 * The tables every node reports with its samples, such as its top processes: live state, one map
 * buffer per node and table, holding every column the node sends. They are not history: a table
 * shows what is now.
 */
public final class Tables {

	private final Map<String, Map<String, MapBuffer>> nodes = new ConcurrentHashMap<>();

	/**
	 * Replaces a node's tables with the ones of its newest sample; a table the sample lacks stays
	 * as it was.
	 * @return what changed, by table; tables that did not change are left out
	 */
	public Map<String, MapChange> replace(String node, Map<String, Table> tables) {
		if (tables.isEmpty()) {
			return Map.of();
		}
		Map<String, MapBuffer> buffers = this.nodes.computeIfAbsent(node, (name) -> new ConcurrentHashMap<>());
		Map<String, MapChange> changes = new HashMap<>();
		tables.forEach((name, table) -> {
			MapBuffer buffer = buffers.get(name);
			if (buffer == null || !buffer.columns().equals(table.columns())) {
				// other columns: numbering goes on past a gap, so clients refetch the table rather than ignore it
				buffer = new MapBuffer(table.columns(), (buffer != null) ? buffer.lastSeq() + 1 : 0);
				buffers.put(name, buffer);
			}
			MapChange change = buffer.replaceAll(new LinkedHashMap<>(table.rows()));
			if (!change.isEmpty()) {
				changes.put(name, change);
			}
		});
		return changes;
	}

	public @Nullable MapBuffer find(String node, String table) {
		Map<String, MapBuffer> buffers = this.nodes.get(node);
		return (buffers != null) ? buffers.get(table) : null;
	}

	/** Names of the tables a node has reported. */
	public List<String> names(String node) {
		Map<String, MapBuffer> buffers = this.nodes.get(node);
		return (buffers != null) ? List.copyOf(buffers.keySet()) : List.of();
	}

	public void forget(String node) {
		this.nodes.remove(node);
	}

}
