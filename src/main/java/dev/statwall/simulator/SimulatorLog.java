package dev.statwall.simulator;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;

import dev.statwall.agent.Delivery;
import dev.statwall.agent.DeliveryLog;

/**
 * The simulator's nodes' delivery events, said once for all of them: ten thousand nodes that lose
 * the same hub make one warning, not ten thousand, and their return one line once the last of them
 * delivers again. A refused token is one error, also said once until every node delivers again.
 */
final class SimulatorLog implements DeliveryLog {

	private final Log log;

	/** The deliveries whose hub is away or refuses them now. */
	private final Set<Delivery> lost = ConcurrentHashMap.newKeySet();

	/** What of this outage was said already, until every node delivers again. */
	private final AtomicBoolean awaySaid = new AtomicBoolean();

	private final AtomicBoolean refusalSaid = new AtomicBoolean();

	private final AtomicLong rejected = new AtomicLong();

	SimulatorLog(Log log) {
		this.log = log;
	}

	@Override
	public void lost(Delivery delivery, String hub, String reason, boolean refused) {
		synchronized (this.lost) {
			this.lost.add(delivery);
		}
		if (refused) {
			if (this.refusalSaid.compareAndSet(false, true)) {
				this.log.error("Hub " + hub + " refuses samples: " + reason + " (first from " + delivery.node()
						+ "); simulated nodes keep spooling and retry with backoff");
			}
		}
		else if (this.awaySaid.compareAndSet(false, true)) {
			this.log.warn("Hub " + hub + " cannot be reached: " + reason + " (first from " + delivery.node()
					+ "); each simulated node spools up to " + delivery.capacity()
					+ " samples and retries with backoff until it answers");
		}
	}

	@Override
	public void back(Delivery delivery, String hub, int spooled, long dropped) {
		boolean last;
		synchronized (this.lost) {
			last = this.lost.remove(delivery) && this.lost.isEmpty();
		}
		if (last) {
			this.awaySaid.set(false);
			this.refusalSaid.set(false);
			this.log.info("Hub " + hub + " takes samples from every simulated node again; the last to get through, "
					+ delivery.node() + ", is sending its " + spooled + " spooled samples in order"
					+ ((dropped > 0) ? " (" + dropped + " older ones were dropped while its spool was full)" : ""));
		}
	}

	@Override
	public void rejected(Delivery delivery, long firstSeq, long lastSeq, int status, String reason) {
		String message = delivery.node() + ": hub refused samples " + firstSeq + " to " + lastSeq + " (" + status + " "
				+ reason + "); they are dropped";
		if (this.rejected.incrementAndGet() == 1) {
			this.log.warn(message + "; further refusals are counted in the simulator's report");
		}
		else if (this.log.isDebugEnabled()) {
			this.log.debug(message);
		}
	}

	@Override
	public void retrying(Delivery delivery, String reason, int failures, long waitMillis) {
		if (this.log.isDebugEnabled()) {
			this.log.debug(delivery.node() + ": hub still unavailable (" + reason + "); retry " + failures + " in "
					+ waitMillis + " ms with " + delivery.spooled() + " samples spooled");
		}
	}

	@Override
	public void shrinking(Delivery delivery, int from, int to) {
		if (this.log.isDebugEnabled()) {
			this.log.debug(delivery.node() + ": hub says " + from + " samples are too large for one request; sending "
					+ to);
		}
	}

	/** A node that lost the hub stops (it dies, or restarts as a new run): it will never report back. */
	void retired(Delivery delivery) {
		synchronized (this.lost) {
			if (this.lost.remove(delivery) && this.lost.isEmpty()) {
				this.awaySaid.set(false);
				this.refusalSaid.set(false);
			}
		}
	}

	/** Nodes whose latest exchange failed. */
	int lost() {
		return this.lost.size();
	}

	/** Batches the hub called bad, over all nodes. */
	long rejected() {
		return this.rejected.get();
	}

}
