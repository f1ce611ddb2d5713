package dev.statwall.hub;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.statwall.sampling.Reading;

/**
 * What the hub knows of one node. Everything that changes is guarded by the node itself: one
 * node's batches are taken one at a time, in order, while different nodes proceed in parallel.
 * Readers (overview, API) only ever look at the immutable {@link #state()}.
 */
final class Node {

	private static final int REMEMBERED_RUNS = 8;

	final String name;

	/** The agent run whose samples are being taken, null before the first. */
	@Nullable String run;

	/** How many runs this node has had, so the sample log tells the runs apart. */
	int runs;

	/** Runs that came before the current one: their late batches are duplicates, not a new run. */
	final Deque<String> pastRuns = new ArrayDeque<>();

	long lastSeq;

	long lastTime;

	long interval;

	/** Samples dropped by the agent's spool, over all its runs. */
	long dropped;

	long droppedThisRun;

	/** The last run refused because this node's current run was still sending: said once, not at every retry. */
	@Nullable String refusedRun;

	boolean dirty;

	boolean forgotten;

	private volatile NodeState state;

	Node(String name) {
		this.name = name;
		this.state = new NodeState(name, 0, 0, 0, 0, 0, Vitals.NONE, Map.of(), Map.of());
	}

	NodeState state() {
		return this.state;
	}

	/**
	 * Whether {@code run} is a new agent run that claims this node while its current run is still
	 * sending (heard from within {@code staleAfterMillis}): a node belongs to one agent at a time. A
	 * run that takes over after silence, and a late batch of a replaced run, are no claim.
	 */
	boolean claimedWhileInUse(String run, long now, long staleAfterMillis) {
		long lastSeen = this.state.lastSeen();
		return this.run != null && !this.run.equals(run) && !this.pastRuns.contains(run) && lastSeen > 0
				&& now - lastSeen < staleAfterMillis;
	}

	/** Switches to a new agent run; false when {@code run} is one that was already replaced. */
	boolean startRun(String run) {
		if (this.pastRuns.contains(run)) {
			return false;
		}
		if (this.run != null) {
			this.pastRuns.addFirst(this.run);
			if (this.pastRuns.size() > REMEMBERED_RUNS) {
				this.pastRuns.removeLast();
			}
		}
		this.run = run;
		this.runs++;
		this.lastSeq = 0;
		this.droppedThisRun = 0;
		return true;
	}

	void seen(long lastSeen, @Nullable Reading latest) {
		NodeState previous = this.state;
		this.state = (latest != null)
				? new NodeState(this.name, lastSeen, this.lastTime, this.lastSeq, this.interval, this.dropped,
						Vitals.of(latest), latest.values(), latest.texts().isEmpty() ? previous.texts() : latest.texts())
				: new NodeState(this.name, lastSeen, previous.lastSampleTime(), previous.lastSeq(), this.interval,
						this.dropped, previous.vitals(), previous.values(), previous.texts());
		this.dirty = true;
	}

	void restore(NodeState state) {
		this.state = state;
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
