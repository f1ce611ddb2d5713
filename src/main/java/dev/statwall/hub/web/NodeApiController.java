package dev.statwall.hub.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import dev.statwall.card.CardDefinition;
import dev.statwall.card.CardSeries;
import dev.statwall.card.Dashboard;
import dev.statwall.hub.HubToken;
import dev.statwall.hub.NodeRegistry;
import dev.statwall.hub.NodeState;
import dev.statwall.live.LiveRows;
import dev.statwall.role.ConditionalOnRole;
import dev.statwall.role.Role;
import dev.statwall.security.Access;
import dev.statwall.series.NodeInfo;
import dev.statwall.series.Row;
import dev.statwall.series.SeriesStore;
import dev.statwall.web.ApiException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The hub's read API, and forgetting a node. Reads need what the dashboard needs; forgetting needs
 * the token in {@code open} mode, an admin otherwise (see {@code dev.statwall.security}).
 */
@RestController
@RequestMapping(path = "/api/v1/nodes", produces = "application/json")
@ConditionalOnRole(Role.HUB)
class NodeApiController {

	private final NodeRegistry nodes;

	/** The most samples one request of the sample log answers with. */
	static final int SAMPLE_LIMIT = 10_000;

	private final CardSeries cards;

	private final Dashboard dashboard;

	private final SeriesStore store;

	private final HubToken token;

	private final Access access;

	NodeApiController(NodeRegistry nodes, CardSeries cards, Dashboard dashboard, SeriesStore store, HubToken token,
			Access access) {
		this.nodes = nodes;
		this.cards = cards;
		this.dashboard = dashboard;
		this.store = store;
		this.token = token;
		this.access = access;
	}

	@GetMapping
	List<NodeJson> all() {
		List<NodeState> states = new ArrayList<>(this.nodes.states());
		states.sort(Comparator.comparing(NodeState::name));
		return states.stream().map(this::json).toList();
	}

	@GetMapping("/{name}")
	NodeJson one(@PathVariable String name) {
		return json(state(name));
	}

	/**
	 * A card's rows after {@code after}. A client that sends the {@code epoch} it read them under gets
	 * the whole buffer when that is no longer the buffer's: its sequence numbers started again.
	 */
	@GetMapping("/{name}/cards/{card}")
	LiveRows card(@PathVariable String name, @PathVariable String card,
			@RequestParam(required = false) @Nullable Long epoch, @RequestParam(defaultValue = "0") long after) {
		state(name);
		CardDefinition definition = this.cards.dashboard(name).card(card)
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "no card '" + card + "'; cards are "
					+ this.dashboard.pages().stream().flatMap((p) -> p.cards().stream()).map(CardDefinition::id).toList()));
		long current = this.store.node(name).map(NodeInfo::epoch).orElse(0L);
		return LiveRows.of(this.cards.rows(name, definition, (epoch != null) ? epoch : current, after));
	}

	/**
	 * The samples the hub took from the node, by the agent's own sequence numbers: the first
	 * {@code limit} after {@code after} in the hub's numbering, or the newest {@code limit}.
	 */
	@GetMapping("/{name}/samples")
	SamplesJson samples(@PathVariable String name, @RequestParam(required = false) @Nullable Long epoch,
			@RequestParam(required = false) @Nullable Long after, @RequestParam(defaultValue = "1000") int limit) {
		state(name);
		if (limit < 1 || limit > SAMPLE_LIMIT) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "'limit' must be from 1 to " + SAMPLE_LIMIT + ", was " + limit);
		}
		NodeInfo info = this.store.node(name).orElse(null);
		if (info == null) {
			return new SamplesJson(name, 0, List.of());
		}
		long from = (after == null || (epoch != null && epoch != info.epoch())) ? Math.max(0, info.lastSeq() - limit)
				: after;
		List<Row> rows = this.store.origins(name, from, limit);
		List<SampleJson> samples = new ArrayList<>(rows.size());
		for (Row row : rows) {
			samples.add(new SampleJson(row.seq(), row.time(), (long) row.value(0), (int) row.value(1)));
		}
		return new SamplesJson(name, info.epoch(), samples);
	}

	@DeleteMapping("/{name}")
	ResponseEntity<Void> forget(@PathVariable String name,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
		if (this.access.tokenRequired() && !this.token.authorizes(authorization)) {
			throw ApiException.unauthorized();
		}
		this.nodes.forget(name);
		return ResponseEntity.noContent().build();
	}

	private NodeState state(String name) {
		return this.nodes.find(name).orElseThrow(() -> ApiException.notFound(name));
	}

	private NodeJson json(NodeState state) {
		Map<String, @Nullable Double> values = new TreeMap<>();
		state.values().forEach((metric, value) -> values.put(metric, (value == null || value.isNaN()) ? null : value));
		return new NodeJson(state.name(), this.nodes.status(state).key(),
				(state.lastSeen() > 0) ? Instant.ofEpochMilli(state.lastSeen()).toString() : null, state.lastSeq(),
				state.interval(), state.dropped(), values, state.texts());
	}

	/**
	 * A node in the read API.
	 *
	 * @param name the node
	 * @param status online, stale or offline
	 * @param lastSeen when the hub last heard from it, ISO-8601
	 * @param lastSeq its newest sample's sequence number in the agent's current run
	 * @param interval its sampling interval in milliseconds
	 * @param dropped samples its agent dropped because the spool was full
	 * @param values its newest values by metric; {@code null} for n/a
	 * @param texts its newest texts
	 */
	record NodeJson(String name, String status, @Nullable String lastSeen, long lastSeq, long interval, long dropped,
			Map<String, @Nullable Double> values, Map<String, String> texts) {
	}

	/**
	 * The samples the hub took from a node.
	 *
	 * @param node the node
	 * @param epoch the log's epoch: when it changes, {@code seq} started again
	 * @param samples oldest first
	 */
	record SamplesJson(String node, long epoch, List<SampleJson> samples) {
	}

	/**
	 * One taken sample.
	 *
	 * @param seq its place in the hub's log, for {@code after}
	 * @param time the sample's time, epoch milliseconds
	 * @param sample the agent's sequence number
	 * @param run which of the node's agent runs it came from, counting from 1
	 */
	record SampleJson(long seq, long time, long sample, int run) {
	}

}
