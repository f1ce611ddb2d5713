package dev.statwall.alert;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * One receiver's queue and the thread that delivers from it, oldest first. A failed delivery is
 * retried with backoff (a random wait between half and all of {@code min(retry-max, retry-initial × 2^n)})
 * until it succeeds: nothing is lost because a receiver was down for a while. The queue is bounded;
 * when it is full the oldest notification is dropped and counted (and said once). A receiver that
 * starts failing is logged once, and once more when it delivers again.
 */
final class Outbox implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(Outbox.class);

	private final String name;

	private final Sender sender;

	private final int capacity;

	private final long retryInitial;

	private final long retryMax;

	private final BiConsumer<String, Notification> delivered;

	private final ArrayDeque<Notification> queue = new ArrayDeque<>();

	private final Counter sent;

	private final Counter failed;

	private final Counter dropped;

	private final Thread thread;

	private volatile boolean running = true;

	private volatile boolean failing;

	private boolean saidDropped;

	/**
	 * @param name the receiver's name in logs and metrics, such as {@code webhook[0]}; never a URL,
	 * which may hold a secret
	 * @param delivered told of every notification delivered, on this outbox's thread
	 */
	Outbox(String name, Sender sender, int capacity, Duration retryInitial, Duration retryMax,
			BiConsumer<String, Notification> delivered, MeterRegistry meters) {
		this.name = name;
		this.sender = sender;
		this.capacity = capacity;
		this.retryInitial = Math.max(1, retryInitial.toMillis());
		this.retryMax = Math.max(this.retryInitial, retryMax.toMillis());
		this.delivered = delivered;
		this.sent = counter(meters, "sent", "Alert notifications delivered");
		this.failed = counter(meters, "failed", "Alert notification deliveries that failed and are retried");
		this.dropped = counter(meters, "dropped", "Alert notifications dropped because the receiver's queue was full");
		Gauge.builder("statwall.alerts.queue", this, Outbox::size)
			.tag("receiver", name)
			.description("Alert notifications waiting for their receiver")
			.register(meters);
		this.thread = new Thread(this::run, "statwall-alerts-" + name);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private Counter counter(MeterRegistry meters, String result, String description) {
		return Counter.builder("statwall.alerts.notifications")
			.tag("receiver", this.name)
			.tag("result", result)
			.description(description)
			.register(meters);
	}

	String name() {
		return this.name;
	}

	boolean failing() {
		return this.failing;
	}

	synchronized int size() {
		return this.queue.size();
	}

	void offer(Notification notification) {
		synchronized (this) {
			if (this.queue.size() >= this.capacity) {
				Notification oldest = this.queue.pollFirst();
				this.dropped.increment();
				if (!this.saidDropped) {
					this.saidDropped = true;
					logger.warn("Alert notifications to " + this.name + " are dropped: its queue of " + this.capacity
						+ " is full (statwall.alerts.queue-size); the oldest go first, counted in "
						+ "statwall_alerts_notifications_total{result=\"dropped\"}; first dropped: " + describe(oldest));
				}
			}
			this.queue.addLast(notification);
			notifyAll();
		}
	}

	private static String describe(@org.jspecify.annotations.Nullable Notification notification) {
		if (notification == null) {
			return "none";
		}
		return notification.state() + " " + notification.rule() + " on " + notification.node();
	}

	private void run() {
		while (this.running) {
			List<Notification> batch;
			try {
				batch = take();
			}
			catch (InterruptedException ex) {
				return;
			}
			if (!deliver(batch)) {
				return;
			}
		}
	}

	private synchronized List<Notification> take() throws InterruptedException {
		while (this.queue.isEmpty()) {
			wait();
		}
		int size = Math.min(this.queue.size(), this.sender.batchSize());
		List<Notification> batch = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			batch.add(this.queue.pollFirst());
		}
		return batch;
	}

	/** Delivers a batch, retrying until it is delivered or the outbox closes; false when it closed. */
	private boolean deliver(List<Notification> batch) {
		int attempt = 0;
		while (this.running) {
			try {
				this.sender.send(batch);
				this.sent.increment(batch.size());
				if (this.failing) {
					this.failing = false;
					synchronized (this) {
						this.saidDropped = false;
					}
					logger.info("Alert notifications to " + this.name + " are delivered again, after " + attempt
							+ " failed attempts; " + size() + " more waiting");
				}
				batch.forEach((notification) -> this.delivered.accept(this.name, notification));
				return true;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
			catch (Exception ex) {
				this.failed.increment();
				if (!this.failing) {
					this.failing = true;
					logger.warn("Alert notifications to " + this.name + " (" + this.sender.describe()
							+ ") cannot be delivered: " + ex.getMessage() + "; retrying with backoff, up to "
							+ Duration.ofMillis(this.retryMax).toSeconds() + " s apart, keeping up to " + this.capacity);
				}
				else if (logger.isDebugEnabled()) {
					logger.debug("Alert notifications to " + this.name + " still fail: " + ex.getMessage());
				}
			}
			long ceiling = Math.min(this.retryMax, this.retryInitial << Math.min(attempt, 30));
			attempt++;
			try {
				Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
			}
			catch (InterruptedException ex) {
				return false;
			}
		}
		return false;
	}

	@Override
	public void close() {
		this.running = false;
		this.thread.interrupt();
	}

	/** Delivers notifications to one receiver. */
	interface Sender {

		/** Delivers all of them, or throws. */
		void send(List<Notification> batch) throws Exception;

		/** The most notifications one delivery carries. */
		int batchSize();

		/** For logs: what is being sent to, without secrets. */
		String describe();

	}

}
