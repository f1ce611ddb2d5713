package dev.statwall.agent;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

import dev.statwall.agent.Hub.Answer;
import dev.statwall.agent.Spool.Entry;
import dev.statwall.sampling.Reading;
import dev.statwall.sampling.Sample;
import dev.statwall.sampling.Table;
import dev.statwall.wire.SampleBatch;
import dev.statwall.wire.SampleBatchWriter;

/**
 * One node's way to the hub: its spool, its batches, its backoff and what each answer means. An
 * agent drives one from its sender thread; the simulator drives thousands from a few threads. Both
 * call {@link #deliverOnce}, so a simulated node does exactly what an agent does:
 * <ul>
 * <li>200: the batch leaves the spool; after an outage, the return is said once;</li>
 * <li>413: the batch was too large, the next ones are half the size;</li>
 * <li>400: the hub calls the batch bad; it is dropped and said, since retrying it would block
 * every later sample;</li>
 * <li>401 or 403: the hub refuses the token; said once as an error, samples kept, retried with
 * backoff in case the hub's token is being rotated;</li>
 * <li>anything else, or no answer: the hub is away; said once, retried with backoff.</li>
 * </ul>
 * Each kind of loss is said at most once per outage, even when the hub first cannot be reached and
 * then comes up refusing the token, and the return once when samples are taken again.
 * Samples may be added from any thread; the sending side runs one exchange at a time.
 */
public final class Delivery {

	private static final int TOO_LARGE = 413;

	private final String node;

	private final String run;

	private final long intervalMillis;

	private final Spool spool;

	private final Backoff backoff;

	private final DeliveryLog log;

	private volatile Map<String, String> texts = Map.of();

	private volatile Map<String, Table> tables = Map.of();

	/** Shared by consecutive samples while the node reports the same metrics; guarded by the spool's adder. */
	private String[] metrics = new String[0];

	/** The rest is the sending side's, guarded by this. */
	private int batchSize;

	private volatile boolean hubLost;

	/** What of this outage was said already: that the hub is away, that it refuses this node. */
	private boolean awaySaid;

	private boolean refusalSaid;

	private long droppedWhenLost;

	private long sent;

	private long rejected;

	/**
	 * @param node the node's name, as the hub shows it
	 * @param run this run's id: a new one for every start of the node
	 * @param intervalMillis the node's sampling interval
	 * @param settings spool size, batch size and backoff bounds
	 * @param random this node's own random source for the backoff's jitter, used by no other
	 * @param log where the delivery's events go
	 */
	public Delivery(String node, String run, long intervalMillis, AgentProperties settings, RandomGenerator random,
			DeliveryLog log) {
		this.node = node;
		this.run = run;
		this.intervalMillis = intervalMillis;
		this.spool = new Spool(settings.spoolSize());
		this.backoff = new Backoff(settings.retryInitial(), settings.retryMax(), random);
		this.batchSize = settings.batchSize();
		this.log = log;
	}

	/** Spools a sample read by this node's probe; returns false when the oldest had to be dropped. */
	public boolean add(Sample sample) {
		Reading reading = sample.reading();
		String[] names;
		double[] values;
		synchronized (this.spool) {
			names = metricsOf(reading.values().keySet());
			values = new double[names.length];
		}
		for (int i = 0; i < names.length; i++) {
			values[i] = reading.value(names[i]);
		}
		this.texts = reading.texts();
		this.tables = reading.tables();
		return this.spool.add(new Entry(sample.tick(), sample.time(), names, values));
	}

	/**
	 * Spools a sample given by column, as the simulator makes them: {@code metrics} must be the same
	 * array from sample to sample while the names stay the same, so that they share batches.
	 */
	public boolean add(long seq, long time, String[] metrics, double[] values, Map<String, String> texts) {
		this.texts = texts;
		return this.spool.add(new Entry(seq, time, metrics, values));
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

	/** One exchange with the hub, as {@link #deliverOnce(Hub, Consumer)} without watching. */
	public long deliverOnce(Hub hub) {
		return deliverOnce(hub, (entries) -> {
		});
	}

	/**
	 * Sends the oldest spooled samples in one request and acts on the answer.
	 * @param hub where to send
	 * @param sending told which samples are about to leave, for latency measurements
	 * @return -1 when nothing is spooled, 0 when the next exchange may follow at once, otherwise
	 * how many milliseconds to wait before it
	 */
	public synchronized long deliverOnce(Hub hub, Consumer<List<Entry>> sending) {
		List<Entry> entries = this.spool.peek(this.batchSize);
		if (entries.isEmpty()) {
			return -1;
		}
		Entry last = entries.get(entries.size() - 1);
		boolean newest = last.seq() == this.spool.newestSeq();
		byte[] body = SampleBatchWriter.write(Batches.of(this.node, this.run, this.intervalMillis, this.spool.dropped(),
				entries, newest ? this.texts : Map.of(), newest ? this.tables : Map.of()));
		sending.accept(entries);
		Answer answer;
		try {
			answer = hub.post(body);
		}
		catch (IOException ex) {
			if (isUntrusted(ex)) {
				// not the network: a person must act, so it is said as an error, once
				return failed(hub, "the hub is not trusted: " + ex.getMessage() + "; no samples go to it until its "
						+ "certificate is (statwall.hub.ca-file names the CA that signed it, or the system trust store "
						+ "holds it)", true);
			}
			return failed(hub, ex.getClass().getSimpleName() + ": " + ex.getMessage(), false);
		}
		int status = answer.status();
		if (answer.accepted()) {
			delivered(hub, entries.size(), last.seq());
			return 0;
		}
		if (status == TOO_LARGE && entries.size() > 1) {
			this.batchSize = Math.max(1, entries.size() / 2);
			this.log.shrinking(this, entries.size(), this.batchSize);
			return 0;
		}
		if (status == 400 || status == TOO_LARGE) {
			this.spool.removeThrough(last.seq());
			this.rejected += entries.size();
			this.log.rejected(this, entries.get(0).seq(), last.seq(), status, answer.reason());
			return 0;
		}
		if (status == 401 || status == 403) {
			return failed(hub, "the hub refuses this node's token (" + status
					+ "); check that statwall.hub.token is the hub's", true);
		}
		return failed(hub, "HTTP " + status + " " + answer.reason(), false);
	}

	/** A certificate that does not prove the hub is the hub: TLS failed, nothing was sent. */
	static boolean isUntrusted(IOException ex) {
		return ex instanceof javax.net.ssl.SSLException
				|| String.valueOf(ex.getMessage()).startsWith("HTTPS hostname wrong");
	}

	private void delivered(Hub hub, int count, long lastSeq) {
		this.spool.removeThrough(lastSeq);
		this.backoff.succeeded();
		this.sent += count;
		if (this.hubLost) {
			this.hubLost = false;
			this.awaySaid = false;
			this.refusalSaid = false;
			this.log.back(this, hub.address(), this.spool.size() + count, this.spool.dropped() - this.droppedWhenLost);
		}
	}

	private long failed(Hub hub, String reason, boolean refused) {
		if (!this.hubLost) {
			this.hubLost = true;
			this.droppedWhenLost = this.spool.dropped();
		}
		if (refused ? !this.refusalSaid : !this.awaySaid) {
			this.refusalSaid |= refused;
			this.awaySaid |= !refused;
			this.log.lost(this, hub.address(), reason, refused);
		}
		long wait = this.backoff.failed();
		this.log.retrying(this, reason, this.backoff.failures(), wait);
		return Math.max(1, wait);
	}

	public String node() {
		return this.node;
	}

	public String run() {
		return this.run;
	}

	/** Whether the latest exchange failed: the hub is away or refuses this node. */
	public boolean hubLost() {
		return this.hubLost;
	}

	public int spooled() {
		return this.spool.size();
	}

	public int capacity() {
		return this.spool.capacity();
	}

	/** Samples the spool dropped, full while the hub was away. */
	public long dropped() {
		return this.spool.dropped();
	}

	/** Samples the hub took. */
	public synchronized long sent() {
		return this.sent;
	}

	/** Samples dropped because the hub called their batch bad. */
	public synchronized long rejected() {
		return this.rejected;
	}

}
