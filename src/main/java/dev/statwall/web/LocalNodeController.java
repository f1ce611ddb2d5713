package dev.statwall.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import dev.statwall.role.ConditionalOnRole;
import dev.statwall.role.Role;
import dev.statwall.sampling.LocalNode;
import dev.statwall.series.NodeInfo;
import dev.statwall.series.SeriesStore;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A standalone node's read API: the same URLs as a hub's, listing its one node, so a script that
 * reads a hub reads a single machine too.
 */
@RestController
@RequestMapping(path = "/api/v1/nodes", produces = "application/json")
@ConditionalOnRole(Role.STANDALONE)
final class LocalNodeController {

	private final SeriesStore store;

	private final String node;

	LocalNodeController(SeriesStore store, LocalNode node) {
		this.store = store;
		this.node = node.name();
	}

	@GetMapping
	List<LocalNodeJson> all() {
		return this.store.node(this.node).map((info) -> List.of(json(info))).orElse(List.of());
	}

	@GetMapping("/{name}")
	LocalNodeJson one(@PathVariable String name) {
		if (!name.equals(this.node)) {
			throw ApiException.notFound(name);
		}
		return this.store.node(name).map(LocalNodeController::json).orElseThrow(() -> ApiException.notFound(name));
	}

	private static LocalNodeJson json(NodeInfo info) {
		Map<String, @Nullable Double> values = new TreeMap<>();
		info.values().forEach((metric, value) -> values.put(metric, (value == null || value.isNaN()) ? null : value));
		return new LocalNodeJson(info.name(), "online",
				(info.lastSeen() > 0) ? Instant.ofEpochMilli(info.lastSeen()).toString() : null, info.lastSeq(),
				info.interval(), info.dropped(), values, info.texts());
	}

	/**
	 * The node, in the shape a hub lists its nodes.
	 *
	 * @param name the node
	 * @param status always online: it is this process
	 * @param lastSeen its newest sample, ISO-8601
	 * @param lastSeq that sample's number
	 * @param interval its sampling interval in milliseconds
	 * @param dropped always 0: nothing is sent anywhere
	 * @param values its newest values by metric; null for n/a
	 * @param texts its newest texts
	 */
	record LocalNodeJson(String name, String status, @Nullable String lastSeen, long lastSeq, long interval,
			long dropped, Map<String, @Nullable Double> values, Map<String, String> texts) {
	}

}
