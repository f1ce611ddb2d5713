package dev.statwall.agent;

import org.apache.commons.logging.Log;

/**
 * What a {@link Delivery} has to say, as events: an agent writes each as a log line, a simulator
 * of ten thousand nodes says once for all of them that the hub went away. A delivery reports a
 * loss once per outage and the return once, whatever happened in between.
 */
public interface DeliveryLog {

	/**
	 * The hub stopped taking samples from this node; once per outage.
	 * @param refused the hub answers but refuses this node's token (401 or 403), which retrying
	 * will not mend
	 */
	void lost(Delivery delivery, String hub, String reason, boolean refused);

	/**
	 * The hub takes this node's samples again; once per outage.
	 * @param spooled samples waiting, now going out in order
	 * @param dropped the oldest samples dropped meanwhile because the spool was full
	 */
	void back(Delivery delivery, String hub, int spooled, long dropped);

	/** The hub called a batch bad (400): it is dropped, as retrying it would block every later sample. */
	void rejected(Delivery delivery, long firstSeq, long lastSeq, int status, String reason);

	/** One more failed attempt while the hub is away: worth a debug line at most. */
	void retrying(Delivery delivery, String reason, int failures, long waitMillis);

	/** The hub found a batch too large (413): the next ones are smaller. */
	void shrinking(Delivery delivery, int from, int to);

	/** An agent's log: one node, one line per event, retries only at debug. */
	static DeliveryLog of(Log log) {
		return new DeliveryLog() {

			@Override
			public void lost(Delivery delivery, String hub, String reason, boolean refused) {
				String message = "Hub " + hub + (refused ? " refuses samples: " : " cannot be reached: ") + reason
						+ "; spooling up to " + delivery.capacity() + " samples and retrying with backoff until it answers";
				if (refused) {
					log.error(message);
				}
				else {
					log.warn(message);
				}
			}

			@Override
			public void back(Delivery delivery, String hub, int spooled, long dropped) {
				log.info("Hub " + hub + " is back; sending the " + spooled + " spooled samples in order"
						+ ((dropped > 0) ? "; " + dropped + " older ones were dropped while the spool was full" : ""));
			}

			@Override
			public void rejected(Delivery delivery, long firstSeq, long lastSeq, int status, String reason) {
				log.warn("Hub refused samples " + firstSeq + " to " + lastSeq + " (" + status + " " + reason
						+ "); they are dropped");
			}

			@Override
			public void retrying(Delivery delivery, String reason, int failures, long waitMillis) {
				if (log.isDebugEnabled()) {
					log.debug("Hub still unavailable (" + reason + "); retry " + failures + " in " + waitMillis
							+ " ms with " + delivery.spooled() + " samples spooled");
				}
			}

			@Override
			public void shrinking(Delivery delivery, int from, int to) {
				if (log.isDebugEnabled()) {
					log.debug("Hub says " + from + " samples are too large for one request; sending " + to);
				}
			}

		};
	}

}
