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

	/** The last run refused because this node's current run was still sending: said once, not at every retry. */
	@Nullable String refusedRun;

	private volatile long lastSeen;

	private volatile @Nullable NodeInfo info;

	/** Built when read, not at every sample: most of a large hub's nodes are looked at by no one. */
	private volatile @Nullable NodeState state;

	Node(String name) {
		this.name = name;
	}

	/** A node the history store knows from before a restart. */
	Node(NodeInfo info) {
		this(info.name());
		this.lastSeen = info.lastSeen();
		this.info = info;
	}

	NodeState state() {
		NodeState state = this.state;
		NodeInfo info = this.info;
		long lastSeen = this.lastSeen;
		if (state != null && state.lastSeen() == lastSeen && state.source() == info) {
			return state;
		}
		state = (info != null)
				? new NodeState(this.name, lastSeen, info.lastTime(), info.runSeq(), info.interval(), info.dropped(),
						Vitals.of(info.values()), info.values(), info.texts(), info)
				: new NodeState(this.name, lastSeen, 0, 0, 0, 0, Vitals.NONE, Map.of(), Map.of(), null);
		this.state = state;
		return state;
	}

	long lastSeen() {
		return this.lastSeen;
	}

	/**
	 * Whether {@code run} is a new agent run that claims this node while its current run is still
	 * sending (heard from within {@code staleAfterMillis}): a node belongs to one agent at a time. A
	 * run that takes over after silence, and a late batch of a replaced run, are no claim.
	 */
	boolean claimedWhileInUse(String run, @Nullable NodeInfo info, long now, long staleAfterMillis) {
		long lastSeen = this.lastSeen;
		return info != null && info.run() != null && !run.equals(info.run()) && !info.pastRuns().contains(run)
				&& lastSeen > 0 && now - lastSeen < staleAfterMillis;
	}

	void seen(long now, @Nullable NodeInfo latest) {
		if (latest != null) {
			this.info = latest;
		}
		this.lastSeen = now;
	}

}
