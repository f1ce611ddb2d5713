package dev.statwall.hub;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.statwall.buffer.MapBuffer.MapChange;
import dev.statwall.card.NodeDashboards;
import dev.statwall.sampling.Reading;
import dev.statwall.series.NodeInfo;
import dev.statwall.series.Origin;
import dev.statwall.series.SampleNames;
import dev.statwall.series.SampleStored;
import dev.statwall.series.SeriesStore;
import dev.statwall.series.Tables;
import dev.statwall.wire.BadBatchException;
import dev.statwall.wire.SampleBatch;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Every node the hub has heard from. Samples go into the history store, which keeps every metric
 * of every node; cards, charts and the API read from there.
 * <p>
 * Delivery is at least once (an agent resends what it is not sure of) and the registry makes it
 * exactly once: within an agent run only a sequence number above the last one taken counts; a new
 * run starts the count again, and a run that was already replaced is never taken again. The store
 * keeps each sample's run and number with it, so this holds across a restart of the hub too.
 * <p>
 * A batch is answered only once what it added is durable ({@link SeriesStore#awaitDurable}):
 * what the hub acknowledged survives a crash.
 */
public final class NodeRegistry {

	private static final Log logger = LogFactory.getLog(NodeRegistry.class);

	private final ConcurrentMap<String, Node> nodes = new ConcurrentHashMap<>();

	private final SeriesStore store;

	private final Tables tables;

	private final NodeDashboards dashboards;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final HubProperties properties;

	private final HubLimits limits;

	private final Counter taken;

	private final Counter duplicates;

	private final Counter agentDropped;

	NodeRegistry(SeriesStore store, Tables tables, NodeDashboards dashboards, ApplicationEventPublisher events,
			Clock clock, HubProperties properties, HubLimits limits, MeterRegistry meters) {
		this.store = store;
		this.limits = limits;
		this.tables = tables;
		this.dashboards = dashboards;
		this.events = events;
		this.clock = clock;
		this.properties = properties;
		this.taken = Counter.builder("statwall.hub.samples")
			.tag("result", "taken")
			.description("Samples added to node histories")
			.register(meters);
		this.duplicates = Counter.builder("statwall.hub.samples")
			.tag("result", "duplicate")
			.description("Samples received again and ignored")
			.register(meters);
		this.agentDropped = Counter.builder("statwall.hub.samples.dropped")
			.description("Samples agents dropped because their spool was full while the hub was away")
			.register(meters);
		// every node of the history, restored before the web server takes a request
		for (NodeInfo info : store.nodes()) {
			this.nodes.put(info.name(), new Node(info));
		}
	}

	/**
	 * Takes a batch from an agent, and returns once what it added is durable.
	 * @throws BadBatchException when a sample's time is too far from the hub's clock, or older than
	 * the node's newest
	 * @throws dev.statwall.series.StorageUnavailableException when it cannot be made durable now
	 * @throws NodeInUseException when a new run claims a node whose current run is still sending
	 */
	public Taken ingest(SampleBatch batch) {
		long now = this.clock.millis();
		checkTimes(batch, now);
		List<SampleStored> stored = new ArrayList<>();
		Taken taken;
		while (true) {
			Node node = this.nodes.get(batch.node());
			if (node == null) {
				if (this.nodes.size() >= this.limits.maxNodes()) {
					throw new NodeLimitException("the hub holds statwall.hub.max-nodes (" + this.limits.maxNodes()
							+ ") nodes; node '" + batch.node() + "' is taken once an offline node is forgotten");
				}
				node = this.nodes.computeIfAbsent(batch.node(), Node::new);
			}
			synchronized (node) {
				if (node.forgotten) {
					continue; // forgotten just now: start afresh
				}
				taken = take(node, batch, now, stored);
				break;
			}
		}
		// live first: what viewers see does not wait for the disk, and is what history holds
		stored.forEach(this.events::publishEvent);
		// acknowledged only once durable; a duplicate too, once the sample it repeats is
		this.store.awaitDurable(batch.node());
		return taken;
	}

	private Taken take(Node node, SampleBatch batch, long now, List<SampleStored> stored) {
		NodeInfo info = this.store.node(node.name).orElse(null);
		if (node.claimedWhileInUse(batch.run(), info, now, this.properties.staleAfter().toMillis())) {
			throw inUse(node, batch.run(), now);
		}
		boolean current = info != null && batch.run().equals(info.run());
		int taken = 0;
		int duplicates = 0;
		long last = (current && info != null) ? info.runSeq() : 0;
		if (!current && info != null && info.pastRuns().contains(batch.run())) {
			duplicates = batch.size(); // a late batch from a run that was replaced
			last = info.runSeq();
		}
		else {
			checkOrder(batch, info, last);
			checkLimits(batch, info);
			long before = (info != null) ? info.dropped() : 0;
			NodeInfo after = info;
			for (int i = 0; i < batch.size(); i++) {
				long seq = batch.seq()[i];
				if (seq <= last) {
					duplicates++;
					continue;
				}
				double[] values = new double[batch.metrics().length];
				for (int m = 0; m < values.length; m++) {
					values[m] = batch.values()[m][i];
				}
				SeriesStore.Appended appended = this.store.append(node.name, batch.time()[i], batch.metrics(), values,
						batch.interval(), new Origin(batch.run(), seq, batch.dropped()));
				stored.add(new SampleStored(appended.node(), appended.rows(), Map.of()));
				after = appended.node();
				last = seq;
				taken++;
			}
			if (!batch.texts().isEmpty()) {
				this.store.texts(node.name, batch.texts());
			}
			Map<String, MapChange> tables = this.tables.replace(node.name, batch.tables());
			if (!tables.isEmpty()) {
				withTables(stored, tables, this.store.node(node.name).orElse(after));
			}
			if (after != null && after.dropped() > before) {
				this.agentDropped.increment(after.dropped() - before);
			}
		}
		node.seen(now, this.store.node(node.name).orElse(null));
		this.taken.increment(taken);
		this.duplicates.increment(duplicates);
		return new Taken(taken, duplicates, last);
	}

	private NodeInUseException inUse(Node node, String run, long now) {
		String reason = "node '" + node.name + "' belongs to another agent run that is still sending (last heard "
				+ Ago.text(Duration.ofMillis(Math.max(0, now - node.lastSeen()))) + " ago); a new run may take it over "
				+ "once that one has been silent for statwall.hub.stale-after (" + Ago.text(this.properties.staleAfter())
				+ "). Do two machines have the same statwall.node-name?";
		if (!run.equals(node.refusedRun)) {
			node.refusedRun = run;
			logger.warn("Refused agent run " + run + ": " + reason);
		}
		return new NodeInUseException(reason);
	}

	/** Tables describe the newest sample: they go out with it, or alone when the batch was all duplicates. */
	private static void withTables(List<SampleStored> stored, Map<String, MapChange> tables, @Nullable NodeInfo node) {
		if (!stored.isEmpty()) {
			SampleStored newest = stored.remove(stored.size() - 1);
			stored.add(new SampleStored(newest.node(), newest.rows(), tables));
		}
		else if (node != null) {
			stored.add(new SampleStored(node, List.of(), tables));
		}
	}

	/** Refuses, before taking any of it, a batch that would give the node more metrics or tables than allowed. */
	private void checkLimits(SampleBatch batch, @Nullable NodeInfo info) {
		int metrics = (info != null) ? info.metrics().size() : 0;
		if (metrics + batch.metrics().length > this.limits.maxMetrics()) {
			java.util.Set<String> known = (info != null) ? new java.util.HashSet<>(info.metrics()) : java.util.Set.of();
			for (String metric : batch.metrics()) {
				if (!known.contains(metric) && ++metrics > this.limits.maxMetrics()) {
					throw new BadBatchException("node '" + batch.node() + "' would report more metrics than "
							+ "statwall.hub.max-metrics (" + this.limits.maxMetrics() + "), with '" + metric + "'");
				}
			}
		}
		if (!batch.tables().isEmpty()) {
			java.util.Set<String> tables = new java.util.HashSet<>(this.tables.names(batch.node()));
			tables.addAll(batch.tables().keySet());
			if (tables.size() > this.limits.maxTables()) {
				throw new BadBatchException("node '" + batch.node() + "' would report " + tables.size()
						+ " tables, more than statwall.hub.max-tables (" + this.limits.maxTables() + ")");
			}
		}
	}

	/** Refuses, before taking any of it, a batch whose first new sample is older than the node's newest. */
	private static void checkOrder(SampleBatch batch, @Nullable NodeInfo info, long last) {
		if (info == null || info.lastSeq() == 0) {
			return;
		}
		for (int i = 0; i < batch.size(); i++) {
			if (batch.seq()[i] > last) {
				if (batch.time()[i] < info.lastTime()) {
					throw new BadBatchException("sample " + batch.seq()[i] + " at " + Instant.ofEpochMilli(batch.time()[i])
							+ " is older than the newest sample the hub holds for node '" + batch.node() + "', at "
							+ Instant.ofEpochMilli(info.lastTime()) + "; check the node's clock");
				}
				return;
			}
		}
	}

	/** Takes a sample of the hub's own machine, as if its own agent had sent it. */
	void takeLocal(String name, String run, long interval, long seq, long time, Reading reading, SampleNames names) {
		Node node = this.nodes.computeIfAbsent(name, Node::new);
		SampleStored stored;
		synchronized (node) {
			String[] metrics = names.of(reading.values().keySet());
			SeriesStore.Appended appended;
			try {
				appended = this.store.append(name, time, metrics, SampleNames.values(metrics, reading.values()), interval,
						new Origin(run, seq, 0));
			}
			catch (dev.statwall.series.OutOfOrderException ex) {
				return; // the clock stepped back: history only grows forward
			}
			if (!reading.texts().isEmpty()) {
				this.store.texts(name, reading.texts());
			}
			NodeInfo info = this.store.node(name).orElse(appended.node());
			stored = new SampleStored(info, appended.rows(), this.tables.replace(name, reading.tables()));
			node.seen(this.clock.millis(), info);
		}
		try {
			this.store.awaitDurable(name);
		}
		catch (dev.statwall.series.StorageUnavailableException ex) {
			// said once by the store; the hub's own cards stay live meanwhile
		}
		this.events.publishEvent(stored);
	}

	private void checkTimes(SampleBatch batch, long now) {
		long ahead = this.properties.maxAhead().toMillis();
		long age = this.properties.maxAge().toMillis();
		for (int i = 0; i < batch.size(); i++) {
			long time = batch.time()[i];
			if (time > now + ahead) {
				throw new BadBatchException("sample " + batch.seq()[i] + " is from the future: its time "
						+ Instant.ofEpochMilli(time) + " is " + Ago.text(Duration.ofMillis(time - now))
						+ " ahead of the hub's clock, more than statwall.hub.max-ahead (" + Ago.text(this.properties.maxAhead())
						+ "); check the node's clock");
			}
			if (time < now - age) {
				throw new BadBatchException("sample " + batch.seq()[i] + " is too old: its time "
						+ Instant.ofEpochMilli(time) + " is " + Ago.text(Duration.ofMillis(now - time))
						+ " behind the hub's clock, more than statwall.hub.max-age (" + Ago.text(this.properties.maxAge()) + ")");
			}
		}
	}

	/**
	 * Forgets an offline node: its history, its tables, its fitted cards.
	 * @throws UnknownNodeException when there is no such node
	 * @throws NodeNotOfflineException when it is not offline
	 */
	public void forget(String name) {
		Node node = this.nodes.get(name);
		if (node == null) {
			throw new UnknownNodeException(name);
		}
		synchronized (node) {
			NodeStatus status = status(node.state());
			if (status != NodeStatus.OFFLINE) {
				throw new NodeNotOfflineException("node '" + name + "' is " + status + " (last seen "
						+ Ago.text(silence(node.state())) + " ago); only an offline node can be forgotten");
			}
			node.forgotten = true;
			this.nodes.remove(name, node);
			this.store.forget(name);
			this.tables.forget(name);
			this.dashboards.forget(name);
		}
		this.events.publishEvent(new NodeForgotten(name));
	}

	public Optional<NodeState> find(String name) {
		Node node = this.nodes.get(name);
		return (node != null) ? Optional.of(node.state()) : Optional.empty();
	}

	public Collection<NodeState> states() {
		return this.nodes.values().stream().map(Node::state).toList();
	}

	public NodeStatus status(NodeState state) {
		return NodeStatus.of(state.lastSeen(), this.clock.millis(), this.properties.staleAfter(),
				this.properties.offlineAfter());
	}

	public Duration silence(NodeState state) {
		return Duration.ofMillis(Math.max(0, this.clock.millis() - state.lastSeen()));
	}

	public int size() {
		return this.nodes.size();
	}

	/**
	 * What became of a batch.
	 *
	 * @param taken samples added to the node's history
	 * @param duplicates samples the hub already had
	 * @param lastSeq the newest sequence number the hub holds for the node's current run
	 */
	public record Taken(int taken, int duplicates, long lastSeq) {
	}

	/**
	 * Published when a node is forgotten.
	 *
	 * @param node its name
	 */
	public record NodeForgotten(String node) {
	}

	/** No node of this name: the web layer answers 404. */
	public static final class UnknownNodeException extends RuntimeException {

		UnknownNodeException(String node) {
			super("no node '" + node + "' on this hub", null, false, false);
		}

	}

	/** The hub holds as many nodes as it may: the web layer answers 429, and the agent retries later. */
	public static final class NodeLimitException extends RuntimeException {

		NodeLimitException(String reason) {
			super(reason, null, false, false);
		}

	}

	/** Only an offline node can be forgotten: the web layer answers 409. */
	public static final class NodeNotOfflineException extends RuntimeException {

		NodeNotOfflineException(String reason) {
			super(reason, null, false, false);
		}

	}

}
