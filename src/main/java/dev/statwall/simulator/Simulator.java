package dev.statwall.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.statwall.agent.Backoff;
import dev.statwall.agent.Batches;
import dev.statwall.agent.Spool;
import dev.statwall.agent.Spool.Entry;
import dev.statwall.wire.SampleBatch;
import dev.statwall.wire.SampleBatchWriter;

/**
 * Many synthetic agents in one process, each sending the wire format an agent sends, through one
 * shared HTTP client: most idle, some busy, some bursting, a few that go silent now and then and
 * come back as restarted agents, and one that dies for good. Each node spools and retries with
 * backoff as an agent does, so a restarted hub sees what real agents would do.
 */
public final class Simulator implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(Simulator.class);

	private static final int BATCH = 300;

	private final SimulatorProperties properties;

	private final URI ingest;

	private final String authorization;

	private final List<SimulatedNode> nodes;

	private final HttpClient http;

	private final ExecutorService httpThreads;

	private final ScheduledExecutorService ticks;

	private final Semaphore inFlight;

	private final long start = System.currentTimeMillis();

	private final AtomicLong samples = new AtomicLong();

	private final AtomicLong requests = new AtomicLong();

	private final AtomicLong failures = new AtomicLong();

	private final AtomicLong slowest = new AtomicLong();

	private final AtomicLong slow = new AtomicLong();

	/** Nodes that found every request slot taken: the next slot to free up goes to them, oldest first. */
	private final java.util.Queue<SimulatedNode> waiting = new java.util.concurrent.ConcurrentLinkedQueue<>();

	private volatile @Nullable SentTimes watch;

	public Simulator(SimulatorProperties properties, URI hub, String token) {
		this.properties = properties;
		this.ingest = URI.create(hub.toString().replaceAll("/+$", "") + "/api/v1/ingest");
		this.authorization = "Bearer " + token;
		this.inFlight = new Semaphore(properties.concurrency());
		this.nodes = createNodes(properties);
		this.httpThreads = Executors.newFixedThreadPool(2, threads("statwall-sim-http-"));
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.executor(this.httpThreads)
			.build();
		this.ticks = Executors.newScheduledThreadPool(2, threads("statwall-sim-"));
	}

	private static List<SimulatedNode> createNodes(SimulatorProperties properties) {
		SplittableRandom random = new SplittableRandom(properties.seed());
		int digits = Math.max(3, String.valueOf(properties.nodes()).length());
		List<SimulatedNode> nodes = new ArrayList<>(properties.nodes());
		int dying = properties.nodes() - 1;
		// flapping nodes spread over the list, never the dying one
		int step = Math.max(1, properties.nodes() / (properties.flapping() + 1));
		for (int i = 0; i < properties.nodes(); i++) {
			String name = "sim-" + String.format("%0" + digits + "d", i + 1);
			SplittableRandom own = random.split();
			boolean flapping = properties.flapping() > 0 && i != dying && (i + 1) % step == 0
					&& (i + 1) / step <= properties.flapping();
			nodes.add(new SimulatedNode(name, Load.kindOf(own), own, flapping, i == dying && properties.nodes() > 1,
					properties.interval().toMillis()));
		}
		return nodes;
	}

	public void start() {
		long interval = this.properties.interval().toMillis();
		for (int i = 0; i < this.nodes.size(); i++) {
			SimulatedNode node = this.nodes.get(i);
			// spread over the interval: real agents are not synchronized
			long offset = interval * i / this.nodes.size();
			this.ticks.scheduleAtFixedRate(() -> tick(node), offset, interval, TimeUnit.MILLISECONDS);
		}
		this.ticks.scheduleAtFixedRate(this::report, 30, 30, TimeUnit.SECONDS);
		logger.info("Simulating " + this.nodes.size() + " nodes (" + this.nodes.get(0).name + " to "
				+ this.nodes.get(this.nodes.size() - 1).name + ") against " + this.ingest + ", one sample each every "
				+ interval + " ms; " + this.nodes.stream().filter((n) -> n.flapping).count() + " flap, "
				+ this.nodes.stream().filter((n) -> n.dying).map((n) -> n.name).findFirst().orElse("none")
				+ " dies after " + this.properties.dieAfter().toSeconds() + " s");
	}

	/** Records when each sample of the first {@code count} nodes leaves, for the latency watch. */
	SentTimes watch(int count) {
		SentTimes sent = new SentTimes(this.nodes.subList(0, count).stream().map((n) -> n.name).toList());
		this.watch = sent;
		return sent;
	}

	private void tick(SimulatedNode node) {
		long now = System.currentTimeMillis();
		synchronized (node) {
			if (node.dead) {
				return;
			}
			if (node.dying && now - this.start >= this.properties.dieAfter().toMillis()) {
				node.dead = true;
				logger.info(node.name + " dies now, as planned: it sends nothing more");
				return;
			}
			if (node.flapping && node.flap(now)) {
				return;
			}
			node.seq++;
			node.spool.add(new Entry(node.seq, now, Load.METRICS, node.load.values((now - this.start) / 1000.0)));
			this.samples.incrementAndGet();
		}
		send(node);
	}

	private void send(SimulatedNode node) {
		byte[] body;
		List<Entry> entries;
		synchronized (node) {
			if (node.inFlight || System.currentTimeMillis() < node.retryAt || node.spool.size() == 0) {
				return;
			}
			if (!this.inFlight.tryAcquire()) {
				if (!node.waiting) {
					node.waiting = true;
					this.waiting.add(node);
				}
				return;
			}
			node.waiting = false;
			node.inFlight = true;
			entries = node.spool.peek(BATCH);
			boolean newest = entries.get(entries.size() - 1).seq() == node.spool.newestSeq();
			SampleBatch batch = Batches.of(node.name, node.run, node.interval, node.spool.dropped(), entries,
					newest ? node.texts : Map.of(), Map.of());
			body = SampleBatchWriter.write(batch);
		}
		SentTimes sent = this.watch;
		if (sent != null) {
			sent.sending(node.name, entries);
		}
		this.requests.incrementAndGet();
		HttpRequest request = HttpRequest.newBuilder(this.ingest)
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.header("Authorization", this.authorization)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		long started = System.nanoTime();
		this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
			long took = System.nanoTime() - started;
			this.slowest.accumulateAndGet(took, Math::max);
			if (took > 100_000_000) {
				this.slow.incrementAndGet();
			}
			done(node, entries, (response != null) ? response.statusCode() : -1,
					(response != null) ? response.body() : String.valueOf(failure));
		});
	}

	private void done(SimulatedNode node, List<Entry> entries, int status, String answer) {
		this.inFlight.release();
		SimulatedNode next = this.waiting.poll();
		if (next != null) {
			synchronized (next) {
				next.waiting = false;
			}
			send(next);
		}
		boolean more;
		synchronized (node) {
			node.inFlight = false;
			long last = entries.get(entries.size() - 1).seq();
			if (status >= 200 && status < 300) {
				node.spool.removeThrough(last);
				node.backoff.succeeded();
			}
			else if (status == 400) {
				node.spool.removeThrough(last);
				logger.warn(node.name + ": hub refused samples " + entries.get(0).seq() + " to " + last + ": " + answer);
			}
			else {
				this.failures.incrementAndGet();
				if (node.backoff.failures() == 0 && logger.isDebugEnabled()) {
					logger.debug(node.name + ": hub unavailable (" + status + " " + answer + ")");
				}
				node.retryAt = System.currentTimeMillis() + node.backoff.failed();
			}
			// a backlog goes out right away, batch after batch
			more = status >= 200 && status < 300 && node.spool.size() > 0;
		}
		if (more) {
			send(node);
		}
	}

	private void report() {
		long seconds = Math.max(1, (System.currentTimeMillis() - this.start) / 1000);
		logger.info("Simulator: " + this.samples.get() / seconds + " samples/s in " + this.requests.get() / seconds
				+ " requests/s, " + this.failures.get() + " failed requests so far, "
				+ (this.properties.concurrency() - this.inFlight.availablePermits()) + " in flight, " + this.slow.get()
				+ " took over 100 ms, the slowest " + this.slowest.getAndSet(0) / 1_000_000 + " ms");
	}

	List<String> nodeNames() {
		return this.nodes.stream().map((n) -> n.name).toList();
	}

	/** The node that dies, for tests and the README. */
	public @Nullable String dyingNode() {
		return this.nodes.stream().filter((n) -> n.dying).map((n) -> n.name).findFirst().orElse(null);
	}

	@Override
	public void close() {
		this.ticks.shutdownNow();
		this.httpThreads.shutdownNow();
	}

	private static ThreadFactory threads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, prefix + count.incrementAndGet());
			thread.setDaemon(false);
			return thread;
		};
	}

	/** One synthetic agent. Guarded by itself. */
	private static final class SimulatedNode {

		final String name;

		final Load load;

		final Load.Kind kind;

		final SplittableRandom random;

		final boolean flapping;

		final boolean dying;

		final long interval;

		final Backoff backoff;

		final Map<String, String> texts;

		Spool spool = new Spool(1800);

		String run;

		long seq;

		boolean inFlight;

		boolean waiting;

		long retryAt;

		boolean dead;

		long silentUntil;

		long nextFlap;

		SimulatedNode(String name, Load.Kind kind, SplittableRandom random, boolean flapping, boolean dying,
				long interval) {
			this.name = name;
			this.kind = kind;
			this.load = new Load(kind, random);
			this.random = random;
			this.flapping = flapping;
			this.dying = dying;
			this.interval = interval;
			this.backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), random.split());
			this.texts = Load.texts(name, kind);
			this.run = run(random);
			this.nextFlap = System.currentTimeMillis() + random.nextLong(20_000, 90_000);
		}

		/** True while silent; back from silence it is a restarted agent: new run, new spool. */
		boolean flap(long now) {
			if (this.silentUntil > 0) {
				if (now < this.silentUntil) {
					return true;
				}
				this.silentUntil = 0;
				this.run = run(this.random);
				this.seq = 0;
				this.spool = new Spool(1800);
				this.backoff.succeeded();
				this.nextFlap = now + this.random.nextLong(40_000, 120_000);
				return false;
			}
			if (now >= this.nextFlap) {
				this.silentUntil = now + this.random.nextLong(8_000, 45_000);
				return true;
			}
			return false;
		}

		private static String run(SplittableRandom random) {
			return "sim-" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
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
