package dev.statwall.agent;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;

import dev.statwall.agent.HubConnection.Answer;
import dev.statwall.agent.Spool.Entry;
import dev.statwall.sampling.Reading;
import dev.statwall.sampling.Sample;
import dev.statwall.sampling.Table;
import dev.statwall.wire.SampleBatch;
import dev.statwall.wire.SampleBatchWriter;

/**
 * Spools every sample and sends the spool to the hub in order, one thread, one request at a time.
 * While the hub cannot be reached it keeps sampling into the spool and retries with backoff; it
 * says so once when the hub goes and once when it comes back, never at every retry.
 */
final class Agent implements Runnable {

	private final String node;

	private final String run;

	private final long intervalMillis;

	private final Spool spool;

	private final HubConnection hub;

	private final Backoff backoff;

	private final Log log;

	private final Object arrivals = new Object();

	private volatile boolean running = true;

	private volatile Map<String, String> texts = Map.of();

	private volatile Map<String, Table> tables = Map.of();

	/** Shared by consecutive samples while the node reports the same metrics; sampler thread only. */
	private String[] metrics = new String[0];

	private int batchSize;

	private volatile boolean hubLost;

	private long droppedWhenLost;

	private volatile long rejected;

	private volatile long sent;

	Agent(String node, String run, long intervalMillis, Spool spool, HubConnection hub, Backoff backoff,
			int batchSize, Log log) {
		this.node = node;
		this.run = run;
		this.intervalMillis = intervalMillis;
		this.spool = spool;
		this.hub = hub;
		this.backoff = backoff;
		this.batchSize = batchSize;
		this.log = log;
	}

	/** Takes a sample from the sampler: into the spool, and wakes the sender. */
	void accept(Sample sample) {
		Reading reading = sample.reading();
		String[] names = metricsOf(reading.values().keySet());
		double[] values = new double[names.length];
		for (int i = 0; i < names.length; i++) {
			values[i] = reading.value(names[i]);
		}
		this.texts = reading.texts();
		this.tables = reading.tables();
		if (!this.spool.add(new Entry(sample.tick(), sample.time(), names, values))) {
			this.log.debug("Spool full; dropped the oldest sample");
		}
		synchronized (this.arrivals) {
			this.arrivals.notifyAll();
		}
	}

	private String[] metricsOf(Set<String> keys) {
		if (keys.size() == this.metrics.length) {
			boolean same = true;
			for (String metric : this.metrics) {
				if (!keys.contains(metric)) {
					same = false;
					break;
				}
			}
			if (same) {
				return this.metrics;
			}
		}
		String[] names = keys.toArray(new String[0]);
		Arrays.sort(names);
		this.metrics = names;
		return names;
	}

	@Override
	public void run() {
		// after stop(), go on only to deliver what is left while the hub answers
		while (this.running || (this.spool.size() > 0 && !this.hubLost)) {
			List<Entry> entries = this.spool.peek(this.batchSize);
			if (entries.isEmpty()) {
				awaitSample();
				continue;
			}
			Entry last = entries.get(entries.size() - 1);
			byte[] body = SampleBatchWriter.write(batch(entries, last.seq() == this.spool.newestSeq()));
			Answer answer;
			try {
				answer = this.hub.post(body);
			}
			catch (IOException ex) {
				if (isUntrusted(ex)) {
					untrusted(ex);
				}
				else {
					failed(ex.getClass().getSimpleName() + ": " + ex.getMessage(), false);
				}
				continue;
			}
			if (answer.accepted()) {
				delivered(entries.size(), last.seq());
			}
			else if (answer.status() == 413 && entries.size() > 1) {
				this.batchSize = Math.max(1, entries.size() / 2);
				this.log.debug("Hub says " + entries.size() + " samples are too large for one request; sending "
						+ this.batchSize);
			}
			else if (answer.status() == 400 || answer.status() == 413) {
				// retrying a batch the hub calls bad would block every later sample behind it
				this.spool.removeThrough(last.seq());
				this.rejected += entries.size();
				this.log.warn("Hub refused samples " + entries.get(0).seq() + " to " + last.seq() + " ("
						+ answer.status() + " " + answer.reason() + "); they are dropped");
			}
			else if (answer.status() == 409) {
				// the node name is another agent's while it sends; the samples wait here
				lost("Hub " + this.hub.address() + " refuses samples for now (409): " + answer.reason()
						+ "; spooling up to " + this.spool.capacity() + " samples and retrying with backoff", false, "409");
			}
			else if (answer.status() == 401 || answer.status() == 403) {
				failed("the hub refuses this agent's token (" + answer.status()
						+ "); check that statwall.hub.token is the hub's", true);
			}
			else {
				failed("HTTP " + answer.status() + " " + answer.reason(), false);
			}
		}
	}

	private SampleBatch batch(List<Entry> entries, boolean newest) {
		return Batches.of(this.node, this.run, this.intervalMillis, this.spool.dropped(), entries,
				newest ? this.texts : Map.of(), newest ? this.tables : Map.of());
	}

	private void delivered(int count, long lastSeq) {
		this.spool.removeThrough(lastSeq);
		this.backoff.succeeded();
		this.sent += count;
		if (this.hubLost) {
			this.hubLost = false;
			long dropped = this.spool.dropped() - this.droppedWhenLost;
			this.log.info("Hub " + this.hub.address() + " is back; sending the " + (this.spool.size() + count)
					+ " spooled samples in order"
					+ ((dropped > 0) ? "; " + dropped + " older ones were dropped while the spool was full" : ""));
		}
	}

	/** A certificate that does not prove the hub is the hub: TLS failed, nothing was sent. */
	static boolean isUntrusted(IOException ex) {
		return ex instanceof javax.net.ssl.SSLException
				|| String.valueOf(ex.getMessage()).startsWith("HTTPS hostname wrong");
	}

	private void untrusted(IOException ex) {
		lost("Hub " + this.hub.address() + " is not trusted: " + ex.getMessage() + "; no samples go to it until its "
				+ "certificate is (statwall.hub.ca-file names the CA that signed it, or the system trust store holds it). "
				+ "Spooling up to " + this.spool.capacity() + " samples and retrying with backoff", true,
				"TLS: " + ex.getMessage());
	}

	private void failed(String reason, boolean refused) {
		lost("Hub " + this.hub.address() + (refused ? " refuses samples: " : " cannot be reached: ") + reason
				+ "; spooling up to " + this.spool.capacity() + " samples and retrying with backoff until it answers",
				refused, reason);
	}

	/** Says once that the hub is gone (an ERROR when a person must act), then waits the backoff. */
	private void lost(String message, boolean error, String reason) {
		if (!this.hubLost) {
			this.hubLost = true;
			this.droppedWhenLost = this.spool.dropped();
			if (error) {
				this.log.error(message);
			}
			else {
				this.log.warn(message);
			}
		}
		long wait = this.backoff.failed();
		if (this.log.isDebugEnabled()) {
			this.log.debug("Hub still unavailable (" + reason + "); retry " + this.backoff.failures() + " in " + wait
					+ " ms with " + this.spool.size() + " samples spooled");
		}
		if (!this.running) {
			return; // stopping: the loop ends, no point waiting
		}
		try {
			Thread.sleep(wait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	private void awaitSample() {
		synchronized (this.arrivals) {
			if (this.spool.size() == 0 && this.running) {
				try {
					this.arrivals.wait(Math.max(100, this.intervalMillis));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					this.running = false;
				}
			}
		}
	}

	/** Stops taking new work; the sender delivers what is left if the hub answers. */
	void stop() {
		this.running = false;
		synchronized (this.arrivals) {
			this.arrivals.notifyAll();
		}
	}

	long sent() {
		return this.sent;
	}

	long rejected() {
		return this.rejected;
	}

	boolean hubLost() {
		return this.hubLost;
	}

	String runId() {
		return this.run;
	}

}
