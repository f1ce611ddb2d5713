package dev.statwall.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.statwall.agent.AgentProperties;
import dev.statwall.agent.Delivery;
import dev.statwall.agent.Hub;
import dev.statwall.agent.HubClientProperties;
import dev.statwall.agent.HubConnection;
import dev.statwall.agent.HubSocket;
import dev.statwall.agent.Spool.Entry;

/**
 * Many synthetic agents in one process: most idle, some busy, some bursting, a few that go silent
 * now and then and come back as restarted agents, and one that dies for good. Each node delivers
 * through a {@link Delivery} of its own, the agent's very spool, batches, backoff and answer
 * handling, configured by the same {@code statwall.agent.*} keys, so a hub sees what real agents
 * would make it see.
 * <p>
 * Cheap enough to play ten thousand nodes on a small machine: no thread per node. One ticker
 * thread takes each node's sample at its moment (spread evenly over the interval, as unsynchronized
 * agents are) and queues the node; a fixed pool of senders, {@code concurrency} of them, each
 * sends one node's batch at a time over a kept-alive connection of its own ({@link HubSocket}).
 */
public final class Simulator implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(Simulator.class);

	private final SimulatorProperties properties;

	private final AgentProperties agent;

	private final HubClientProperties client;

	/** For the log lines, and every sender's transport when the hub speaks https. */
	private final HubConnection hub;

	private final SimulatedNode[] nodes;

	private final SimulatorLog log;

	private final ScheduledExecutorService ticks = Executors
		.newSingleThreadScheduledExecutor(threads("statwall-sim-ticks", true));

	private final ExecutorService senders;

	/** Nodes with samples to send, each at most once. */
	private final BlockingQueue<SimulatedNode> ready = new LinkedBlockingQueue<>();

	private final List<ScheduledFuture<?>> schedules = new ArrayList<>();

	private final long start = System.currentTimeMillis();

	private final AtomicLong samples = new AtomicLong();

	private final AtomicLong requests = new AtomicLong();

	private final AtomicLong failures = new AtomicLong();

	private final AtomicLong slowest = new AtomicLong();

	private final AtomicLong slow = new AtomicLong();

	/** The ticker's place in the ring of nodes; ticker thread only. */
	private int cursor;

	private volatile boolean closed;

	private volatile @Nullable SentTimes watch;

	/**
	 * @param properties how many nodes, how they behave, how many requests at once
	 * @param agent the agent's delivery settings, which every node follows
	 * @param client where the nodes send, and their token
	 */
	public Simulator(SimulatorProperties properties, AgentProperties agent, HubClientProperties client) {
		this(properties, agent, client, logger);
	}

	Simulator(SimulatorProperties properties, AgentProperties agent, HubClientProperties client, Log log) {
		this.log = new SimulatorLog(log);
		this.properties = properties;
		this.agent = agent;
		this.client = client;
		this.hub = new HubConnection(client, agent.timeout());
		this.nodes = createNodes(properties);
		this.senders = Executors.newFixedThreadPool(properties.concurrency(), threads("statwall-sim-send-", false));
	}

	/**
	 * Lets the JDK keep a connection alive for every sender (it keeps five by default and closes
	 * the rest after each request). Read once, when the first HTTP connection is made, so it is set
	 * before the simulator's first request and never lowered.
	 */
	public static void keepConnectionsFor(int senders) {
		String kept = System.getProperty("http.maxConnections");
		if (kept == null || Integer.parseInt(kept.strip()) < senders) {
			System.setProperty("http.maxConnections", Integer.toString(senders));
		}
	}

	private static SimulatedNode[] createNodes(SimulatorProperties properties) {
		SplittableRandom random = new SplittableRandom(properties.seed());
		int count = properties.nodes();
		int digits = Math.max(3, String.valueOf(count).length());
		long interval = properties.interval().toMillis();
		SimulatedNode[] nodes = new SimulatedNode[count];
		int dying = count - 1;
		// flapping nodes spread over the list, never the dying one
		int step = Math.max(1, count / (properties.flapping() + 1));
		long now = System.currentTimeMillis();
		for (int i = 0; i < count; i++) {
			String name = "sim-" + String.format(Locale.ROOT, "%0" + digits + "d", i + 1);
			SplittableRandom own = random.split();
			boolean flapping = properties.flapping() > 0 && i != dying && (i + 1) % step == 0
					&& (i + 1) / step <= properties.flapping();
			nodes[i] = new SimulatedNode(name, Load.kindOf(own), own, flapping, i == dying && count > 1, now);
			// spread over the interval: real agents are not synchronized
			nodes[i].nextTick = now + interval * i / count;
		}
		return nodes;
	}

	public void start() {
		for (SimulatedNode node : this.nodes) {
			node.delivery = delivery(node);
		}
		long interval = this.properties.interval().toMillis();
		long slot = Math.max(1, Math.min(10, interval / 20));
		this.schedules.add(this.ticks.scheduleAtFixedRate(this::tickDue, 0, slot, TimeUnit.MILLISECONDS));
		this.schedules.add(this.ticks.scheduleAtFixedRate(this::report, 30, 30, TimeUnit.SECONDS));
		for (int i = 0; i < this.properties.concurrency(); i++) {
			this.senders.execute(this::send);
		}
		SimulatedNode first = this.nodes[0];
		SimulatedNode last = this.nodes[this.nodes.length - 1];
		logger.info("Simulating " + this.nodes.length + " nodes (" + first.name + " to " + last.name + ") against "
				+ this.hub.address() + ", one sample each every " + interval + " ms, " + this.properties.concurrency()
				+ " requests at most at once; " + count((n) -> n.flapping) + " flap, "
				+ ((dyingNode() != null) ? dyingNode() + " dies after " + this.properties.dieAfter().toSeconds() + " s"
						: "none dies"));
	}

	private Delivery delivery(SimulatedNode node) {
		return new Delivery(node.name, node.newRun(), this.properties.interval().toMillis(), this.agent,
				node.random.split(), this.log);
	}

	/** Records when each sample of the first {@code count} nodes leaves, for the latency watch. */
	SentTimes watch(int count) {
		List<String> names = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			names.add(this.nodes[i].name);
		}
		SentTimes sent = new SentTimes(names);
		this.watch = sent;
		return sent;
	}

	/** The ticker: takes the sample of every node whose moment has come, in the order of their moments. */
	private void tickDue() {
		try {
			long now = System.currentTimeMillis();
			long interval = this.properties.interval().toMillis();
			for (int visited = 0; visited < this.nodes.length; visited++) {
				SimulatedNode node = this.nodes[this.cursor];
				if (node.nextTick > now) {
					return;
				}
				tick(node, now);
				// behind by more than an interval (a long pause): skip, as a sampler skips, rather than burst
				node.nextTick = Math.max(node.nextTick + interval, now - interval / 2);
				this.cursor = (this.cursor + 1) % this.nodes.length;
			}
		}
		catch (RuntimeException ex) {
			logger.error("Simulator tick failed; the next one tries again", ex); // a periodic task that throws stops
		}
	}

	private void tick(SimulatedNode node, long now) {
		synchronized (node) {
			if (node.dead) {
				return;
			}
			if (node.dying && now - this.start >= this.properties.dieAfter().toMillis()) {
				node.dead = true;
				node.cancelRetry();
				this.log.retired(node.delivery());
				logger.info(node.name + " dies now, as planned: it sends nothing more");
				return;
			}
			if (node.flapping && node.flap(now)) {
				return;
			}
			if (node.restarting && !node.sending) {
				// back from silence as a restarted agent: a new run and an empty spool
				node.cancelRetry();
				this.log.retired(node.delivery());
				node.delivery = delivery(node);
				node.restarting = false;
				node.seq = 0;
				node.retryAt = 0;
			}
			node.seq++;
			double seconds = (now - this.start) / 1000.0;
			node.delivery().add(node.seq, now, Load.METRICS,
					node.load.values(seconds, this.properties.interval().toMillis() / 1000.0), node.texts);
		}
		this.samples.incrementAndGet();
		ready(node, now);
	}

	/** Queues the node for a sender unless it is queued, sending or waiting out a backoff. */
	private void ready(SimulatedNode node, long now) {
		synchronized (node) {
			if (node.queued || node.sending || node.dead || now < node.retryAt) {
				return;
			}
			node.queued = true;
		}
		this.ready.add(node);
	}

	/** A sender: one node's exchange at a time over its own connection, for as long as the simulator runs. */
	private void send() {
		Hub hub = HubSocket.forSender(this.client, this.agent.timeout(), this.hub);
		try {
			send(hub);
		}
		finally {
			if (hub instanceof HubSocket socket) {
				socket.close();
			}
		}
	}

	private void send(Hub hub) {
		while (!this.closed) {
			SimulatedNode node;
			try {
				node = this.ready.take();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			try {
				exchange(node, hub);
			}
			catch (RuntimeException ex) {
				logger.error(node.name + ": sending failed; its samples stay spooled", ex);
				synchronized (node) {
					node.sending = false;
				}
			}
		}
	}

	private void exchange(SimulatedNode node, Hub hub) {
		Delivery delivery;
		synchronized (node) {
			node.queued = false;
			if (node.dead) {
				return;
			}
			node.sending = true;
			delivery = node.delivery();
		}
		SentTimes sent = this.watch;
		long started = System.nanoTime();
		long wait = (sent != null) ? delivery.deliverOnce(hub, (entries) -> sent.sending(node.name, entries))
				: delivery.deliverOnce(hub);
		long took = System.nanoTime() - started;
		if (wait >= 0) {
			this.requests.incrementAndGet();
			this.slowest.accumulateAndGet(took, Math::max);
			if (took > 100_000_000) {
				this.slow.incrementAndGet();
			}
		}
		long now = System.currentTimeMillis();
		boolean more;
		synchronized (node) {
			node.sending = false;
			if (wait > 0) {
				this.failures.incrementAndGet();
				node.retryAt = now + wait;
				node.retry = retryLater(node, wait);
			}
			// a backlog goes out at once, batch after batch
			more = wait == 0 && delivery == node.delivery && delivery.spooled() > 0;
		}
		if (more) {
			ready(node, now);
		}
	}

	private @Nullable ScheduledFuture<?> retryLater(SimulatedNode node, long wait) {
		try {
			return this.ticks.schedule(() -> ready(node, System.currentTimeMillis()), wait, TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			if (this.closed) {
				return null; // closing: nothing is retried
			}
			throw ex;
		}
	}

	private void report() {
		long seconds = Math.max(1, (System.currentTimeMillis() - this.start) / 1000);
		logger.info("Simulator: " + this.samples.get() / seconds + " samples/s in " + this.requests.get() / seconds
				+ " requests/s, " + this.failures.get() + " failed requests so far, " + this.log.rejected()
				+ " batches refused, " + this.log.lost() + " nodes without the hub, " + this.ready.size()
				+ " waiting for a sender, " + this.slow.get() + " requests took over 100 ms, the slowest "
				+ this.slowest.getAndSet(0) / 1_000_000 + " ms");
	}

	List<String> nodeNames() {
		List<String> names = new ArrayList<>(this.nodes.length);
		for (SimulatedNode node : this.nodes) {
			names.add(node.name);
		}
		return names;
	}

	/** The node that dies, for tests and the README. */
	public @Nullable String dyingNode() {
		for (SimulatedNode node : this.nodes) {
			if (node.dying) {
				return node.name;
			}
		}
		return null;
	}

	/** The delivery of a node, as a test looks at it. */
	@Nullable Delivery delivery(String name) {
		for (SimulatedNode node : this.nodes) {
			if (node.name.equals(name)) {
				synchronized (node) {
					return node.delivery;
				}
			}
		}
		return null;
	}

	private long count(java.util.function.Predicate<SimulatedNode> which) {
		long count = 0;
		for (SimulatedNode node : this.nodes) {
			count += which.test(node) ? 1 : 0;
		}
		return count;
	}

	@Override
	public void close() {
		this.closed = true;
		this.schedules.forEach((schedule) -> schedule.cancel(false));
		this.ticks.shutdownNow();
		this.senders.shutdownNow();
	}

	private static ThreadFactory threads(String prefix, boolean one) {
		AtomicInteger count = new AtomicInteger();
		return (task) -> new Thread(task, one ? prefix : prefix + count.incrementAndGet());
	}

	/** One synthetic agent. Guarded by itself. */
	private static final class SimulatedNode {

		final String name;

		final Load load;

		final SplittableRandom random;

		final boolean flapping;

		final boolean dying;

		final Map<String, String> texts;

		@Nullable Delivery delivery;

		long seq;

		long nextTick;

		boolean queued;

		boolean sending;

		long retryAt;

		@Nullable ScheduledFuture<?> retry;

		boolean dead;

		boolean restarting;

		long silentUntil;

		long nextFlap;

		SimulatedNode(String name, Load.Kind kind, SplittableRandom random, boolean flapping, boolean dying, long now) {
			this.name = name;
			this.load = new Load(kind, random);
			this.random = random;
			this.flapping = flapping;
			this.dying = dying;
			this.texts = Load.texts(name, kind);
			this.nextFlap = now + random.nextLong(20_000, 90_000);
		}

		/** A retry of a run that ended is not this run's. */
		void cancelRetry() {
			ScheduledFuture<?> retry = this.retry;
			if (retry != null) {
				retry.cancel(false);
				this.retry = null;
			}
		}

		Delivery delivery() {
			Delivery delivery = this.delivery;
			if (delivery == null) {
				throw new IllegalStateException(this.name + " has not started");
			}
			return delivery;
		}

		String newRun() {
			return "sim-" + Long.toString(this.random.nextLong() & Long.MAX_VALUE, 36);
		}

		/** True while silent; back from silence it restarts, as {@link Simulator#tick} does. */
		boolean flap(long now) {
			if (this.silentUntil > 0) {
				if (now < this.silentUntil) {
					return true;
				}
				this.silentUntil = 0;
				this.restarting = true;
				this.nextFlap = now + this.random.nextLong(40_000, 120_000);
				return false;
			}
			if (now >= this.nextFlap) {
				this.silentUntil = now + this.random.nextLong(8_000, 45_000);
				return true;
			}
			return false;
		}

	}

	/** When each watched sample left, by node and sample time. */
	static final class SentTimes {

		private final Map<String, Map<Long, Long>> sent = new ConcurrentHashMap<>();

		SentTimes(List<String> nodes) {
			nodes.forEach((node) -> this.sent.put(node, new ConcurrentHashMap<>()));
		}

		List<String> nodes() {
			return List.copyOf(this.sent.keySet());
		}

		void sending(String node, List<Entry> entries) {
			Map<Long, Long> times = this.sent.get(node);
			if (times == null) {
				return;
			}
			long now = System.nanoTime();
			for (Entry entry : entries) {
				times.putIfAbsent(entry.time(), now);
			}
			if (times.size() > 1000) {
				times.clear(); // nothing arrives: do not grow
			}
		}

		/** Nanoseconds since the sample of {@code time} left, or -1 when it was not watched. */
		long arrived(String node, long time) {
			Map<Long, Long> times = this.sent.get(node);
			Long left = (times != null) ? times.remove(time) : null;
			return (left != null) ? System.nanoTime() - left : -1;
		}

	}

}
