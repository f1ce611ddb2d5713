package dev.statwall.hub;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.statwall.series.NodeInfo;

/**
 * What the hub knows of one node besides its series: when it last heard from it. One node's
 * batches are taken one at a time, in order, under the node's lock, while different nodes proceed
 * in parallel. Readers (overview, API) only ever look at the immutable {@link #state()}.
 */
final class Node {

	final String name;

	boolean forgotten;

	private volatile long lastSeen;

	private volatile @Nullable NodeInfo info;

	private volatile NodeState state;

	Node(String name) {
		this.name = name;
		this.state = new NodeState(name, 0, 0, 0, 0, 0, Vitals.NONE, Map.of(), Map.of());
	}

	/** A node the history store knows from before a restart. */
	Node(NodeInfo info) {
		this(info.name());
		this.lastSeen = info.lastSeen();
		update(info);
	}

	NodeState state() {
		return this.state;
	}

	long lastSeen() {
		return this.lastSeen;
	}

	void seen(long now, @Nullable NodeInfo latest) {
		this.lastSeen = now;
		if (latest != null) {
			update(latest);
		}
		else {
			NodeState previous = this.state;
			this.state = new NodeState(this.name, now, previous.lastSampleTime(), previous.lastSeq(), previous.interval(),
					previous.dropped(), previous.vitals(), previous.values(), previous.texts());
		}
	}

	private void update(NodeInfo info) {
		this.info = info;
		Map<String, Double> values = info.values();
		this.state = new NodeState(this.name, this.lastSeen, info.lastTime(), info.runSeq(), info.interval(),
				info.dropped(), Vitals.of(values), values, info.texts());
	}

	/**
	 * A node as readers see it.
	 *
	 * @param name the node
	 * @param lastSeen when the hub last heard from it, epoch milliseconds by the hub's clock; 0 never
	 * @param lastSampleTime the time of its newest sample, by its own clock
	 * @param lastSeq the newest sample's sequence number in its run
	 * @param interval its sampling interval in milliseconds
	 * @param dropped samples its agent had to drop because the spool was full
	 * @param vitals the overview's numbers from the newest sample
	 * @param values every value of the newest sample
	 * @param texts the newest texts, such as {@code os.name}
	 */
	record NodeState(String name, long lastSeen, long lastSampleTime, long lastSeq, long interval, long dropped,
			Vitals vitals, Map<String, Double> values, Map<String, String> texts) {
	}

}
