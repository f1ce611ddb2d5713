package dev.statwall.hub;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

import dev.statwall.buffer.BufferRepository;
import dev.statwall.card.CardBuffers;
import dev.statwall.hub.Node.NodeState;
import dev.statwall.sampling.Reading;
import dev.statwall.wire.BadBatchException;
import dev.statwall.wire.SampleBatch;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;

/**
 * Every node the hub has heard from. Samples go into the same card buffers a standalone node
 * fills, through {@link CardBuffers#append}, so every node gets the standalone dashboard's cards.
 * <p>
 * Delivery is at least once (an agent resends what it is not sure of) and the registry makes it
 * exactly once: within an agent run only a sequence number above the last one taken counts; a new
 * run starts the count again, and a run that was already replaced is never taken again.
 */
public final class NodeRegistry {

	private static final Log logger = LogFactory.getLog(NodeRegistry.class);

	/** Each taken sample's sequence number and run, for the read API. */
	static final List<String> SAMPLE_COLUMNS = List.of("sample", "run");

	static final String SAMPLES = "samples";

	private static final Reading GAP = new Reading(Map.of(), Map.of(), Map.of());

	private final ConcurrentMap<String, Node> nodes = new ConcurrentHashMap<>();

	private final CardBuffers cards;

	private final BufferRepository buffers;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final HubProperties properties;

	private final Counter taken;

	private final Counter duplicates;

	private final Counter agentDropped;

	NodeRegistry(CardBuffers cards, BufferRepository buffers, ApplicationEventPublisher events, Clock clock,
			HubProperties properties, MeterRegistry meters) {
		this.cards = cards;
		this.buffers = buffers;
		this.events = events;
		this.clock = clock;
		this.properties = properties;
		this.taken = Counter.builder("statwall.hub.samples")
			.tag("result", "taken")
			.description("Samples added to node buffers")
			.register(meters);
		this.duplicates = Counter.builder("statwall.hub.samples")
			.tag("result", "duplicate")
			.description("Samples received again and ignored")
			.register(meters);
		this.agentDropped = Counter.builder("statwall.hub.samples.dropped")
			.description("Samples agents dropped because their spool was full while the hub was away")
			.register(meters);
	}

	/**
	 * Takes a batch from an agent.
	 * @throws BadBatchException when a sample's time is too far from the hub's clock
	 * @throws NodeInUseException when a new run claims a node whose current run is still sending
	 */
	public Taken ingest(SampleBatch batch) {
		long now = this.clock.millis();
		checkTimes(batch, now);
		while (true) {
			Node node = this.nodes.computeIfAbsent(batch.node(), Node::new);
			synchronized (node) {
				if (node.forgotten) {
					continue; // forgotten just now: start afresh
				}
				return take(node, batch, now);
			}
		}
	}

	private Taken take(Node node, SampleBatch batch, long now) {
		int taken = 0;
		int duplicates = 0;
		Reading latest = null;
		if (node.claimedWhileInUse(batch.run(), now, this.properties.staleAfter().toMillis())) {
			throw inUse(node, batch.run(), now);
		}
		boolean current = batch.run().equals(node.run);
		if (!current && !node.startRun(batch.run())) {
			duplicates = batch.size(); // a late batch from a run that was replaced
		}
		else {
			node.interval = batch.interval();
			for (int i = 0; i < batch.size(); i++) {
				Reading reading = batch.reading(i);
				if (take(node, batch.seq()[i], batch.time()[i], reading)) {
					taken++;
					latest = reading;
				}
				else {
					duplicates++;
				}
			}
			if (batch.dropped() > node.droppedThisRun) {
				this.agentDropped.increment(batch.dropped() - node.droppedThisRun);
				node.dropped += batch.dropped() - node.droppedThisRun;
				node.droppedThisRun = batch.dropped();
			}
		}
		node.seen(now, latest);
		this.taken.increment(taken);
		this.duplicates.increment(duplicates);
		return new Taken(taken, duplicates, node.lastSeq);
	}

	private NodeInUseException inUse(Node node, String run, long now) {
		String reason = "node '" + node.name + "' belongs to another agent run that is still sending (last heard "
				+ Ago.text(Duration.ofMillis(Math.max(0, now - node.state().lastSeen()))) + " ago); a new run may take it over "
				+ "once that one has been silent for statwall.hub.stale-after (" + Ago.text(this.properties.staleAfter())
				+ "). Do two machines have the same statwall.node-name?";
		if (!run.equals(node.refusedRun)) {
			node.refusedRun = run;
			logger.warn("Refused agent run " + run + ": " + reason);
		}
		return new NodeInUseException(reason);
	}

	/** Takes a sample of the hub's own machine, as if its own agent had sent it. */
	void takeLocal(String name, String run, long interval, long seq, long time, Reading reading) {
		Node node = this.nodes.computeIfAbsent(name, Node::new);
		synchronized (node) {
			if (!run.equals(node.run)) {
				node.startRun(run);
			}
			node.interval = interval;
			boolean taken = take(node, seq, time, reading);
			node.seen(this.clock.millis(), taken ? reading : null);
		}
	}

	private boolean take(Node node, long seq, long time, Reading reading) {
		if (seq <= node.lastSeq) {
			return false;
		}
		long step = Math.max(1, node.interval);
		if (node.lastTime > 0 && time - node.lastTime > 2 * step) {
			// the node was silent: a row of n/a makes every chart break its line here
			this.events.publishEvent(this.cards.append(node.name, node.lastTime + step, GAP));
		}
		this.events.publishEvent(this.cards.append(node.name, time, reading));
		this.buffers.cyclic(samplesBuffer(node.name), SAMPLE_COLUMNS, this.properties.sampleLog())
			.append(time, new double[] { seq, node.runs });
		node.lastSeq = seq;
		node.lastTime = time;
		return true;
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
	 * Forgets an offline node: its buffers, its status, its checkpoint.
	 * @throws ApiException 404 when there is no such node, 409 when it is not offline
	 */
	public void forget(String name) {
		Node node = this.nodes.get(name);
		if (node == null) {
			throw ApiException.notFound(name);
		}
		synchronized (node) {
			NodeStatus status = status(node.state());
			if (status != NodeStatus.OFFLINE) {
				throw new ApiException(HttpStatus.CONFLICT, "node '" + name + "' is " + status + " (last seen "
						+ Ago.text(silence(node.state())) + " ago); only an offline node can be forgotten");
			}
			node.forgotten = true;
			this.nodes.remove(name, node);
			this.cards.forget(name); // its buffers, its fitted dashboard and its newest reading
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

	Collection<Node> nodes() {
		return this.nodes.values();
	}

	void restore(Node node) {
		// fit its cards to what it reported before, so its restored rows are shown before it speaks again
		this.cards.knowMetrics(node.name, node.state().values().keySet());
		this.nodes.put(node.name, node);
	}

	static String samplesBuffer(String node) {
		return node + "/" + SAMPLES;
	}

	/**
	 * What became of a batch.
	 *
	 * @param taken samples added to the node's buffers
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

}
