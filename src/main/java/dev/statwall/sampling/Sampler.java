package dev.statwall.sampling;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Reads the probe once per interval and publishes each reading as a {@link Sample}.
 * <p>
 * The scheduler only hands the read to a thread of its own, so a slow read never delays other
 * scheduled work; a read still running when the next one is due is skipped, not queued.
 */
public final class Sampler implements DisposableBean {

	private static final Log logger = LogFactory.getLog(Sampler.class);

	private final SystemProbe probe;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ExecutorService reader = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "statwall-sampler");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean reading = new AtomicBoolean();

	private final FailureLog failures = new FailureLog(logger);

	private final AtomicLong samples = new AtomicLong();

	private final AtomicLong skipped = new AtomicLong();

	private volatile long lastReadNanos;

	private volatile boolean primed;

	private final AtomicLong tick = new AtomicLong();

	public Sampler(SystemProbe probe, ApplicationEventPublisher events, Clock clock) {
		this.probe = probe;
		this.events = events;
		this.clock = clock;
	}

	/** Called by the scheduler every interval. */
	public void sampleLater() {
		if (!this.reading.compareAndSet(false, true)) {
			logger.debug("Previous sample still running; skipping this one");
			this.skipped.incrementAndGet();
			return;
		}
		this.reader.execute(() -> {
			try {
				sampleNow();
			}
			finally {
				this.reading.set(false);
			}
		});
	}

	/**
	 * The read that only primes the rates, on the calling thread, so that the first sample can be
	 * taken a moment later rather than a whole interval later.
	 */
	public void prime() {
		if (!this.primed) {
			sampleNow();
		}
	}

	/** Reads and publishes one sample on the calling thread. */
	void sampleNow() {
		long time = this.clock.millis();
		long started = System.nanoTime();
		Reading reading;
		try {
			reading = this.probe.read();
			this.failures.succeeded("system");
		}
		catch (RuntimeException ex) {
			// still publish, so every card shows n/a and charts show the gap
			this.failures.failed("system", ex);
			reading = new Reading(Map.of(), Map.of(), Map.of());
		}
		this.lastReadNanos = System.nanoTime() - started;
		if (!this.primed) {
			// rates need two reads: the first one is measured since boot, so it is thrown away
			this.primed = true;
			return;
		}
		this.events.publishEvent(new Sample(this.tick.incrementAndGet(), time, reading));
		this.samples.incrementAndGet();
	}

	/** Samples published so far. */
	long samples() {
		return this.samples.get();
	}

	/** Ticks skipped because the previous read was still running. */
	long skipped() {
		return this.skipped.get();
	}

	/** How long the last read of the probe took, in seconds. */
	double lastReadSeconds() {
		return this.lastReadNanos / 1e9;
	}

	@Override
	public void destroy() {
		this.reader.shutdownNow();
	}

}
