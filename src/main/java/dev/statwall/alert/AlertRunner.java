package dev.statwall.alert;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.statwall.hub.NodeRegistry;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;

/**
 * Runs the evaluator on a thread of its own once per sample interval, so a slow tick never delays
 * the scheduler's other work; a tick still running when the next is due is skipped and counted.
 * Alertmanager's resends run on the same thread, between ticks.
 */
final class AlertRunner implements DisposableBean {

	private static final Log logger = LogFactory.getLog(AlertRunner.class);

	private final AlertEvaluator evaluator;

	private final Notifier notifier;

	private final ExecutorService thread = Executors.newSingleThreadExecutor((task) -> {
		Thread created = new Thread(task, "statwall-alerts");
		created.setDaemon(true);
		return created;
	});

	private final AtomicBoolean running = new AtomicBoolean();

	private final Timer timer;

	private final Counter skipped;

	private volatile boolean failing;

	AlertRunner(AlertEvaluator evaluator, Notifier notifier, MeterRegistry meters) {
		this.evaluator = evaluator;
		this.notifier = notifier;
		this.timer = Timer.builder("statwall.alerts.evaluation")
			.description("Time one evaluation of every rule on every node takes")
			.register(meters);
		this.skipped = Counter.builder("statwall.alerts.evaluations.skipped")
			.description("Evaluations skipped because the previous one was still running")
			.register(meters);
	}

	/** Called by the scheduler every sample interval. */
	void tick() {
		if (!this.running.compareAndSet(false, true)) {
			this.skipped.increment();
			return;
		}
		this.thread.execute(() -> {
			try {
				this.timer.record(this::evaluate);
			}
			finally {
				this.running.set(false);
			}
		});
	}

	/** Evaluates now, on the alerts' thread, and returns when done. */
	void evaluateNow() throws InterruptedException, java.util.concurrent.ExecutionException {
		this.thread.submit(() -> this.timer.record(this::evaluate)).get();
	}

	private void evaluate() {
		try {
			this.evaluator.evaluate();
			if (this.failing) {
				this.failing = false;
				logger.info("Alert rules are evaluated again");
			}
		}
		catch (RuntimeException ex) {
			if (!this.failing) {
				this.failing = true;
				logger.error("Evaluating alert rules failed; retrying every interval", ex);
			}
		}
	}

	/** Called by the scheduler every {@code statwall.alerts.alertmanager.resend-interval}. */
	void resend() {
		this.thread.execute(() -> this.notifier.resend(this.evaluator.firing()));
	}

	@EventListener
	void forgotten(NodeRegistry.NodeForgotten event) {
		this.evaluator.forget(event.node());
	}

	@Override
	public void destroy() throws InterruptedException {
		this.thread.shutdown();
		this.thread.awaitTermination(5, TimeUnit.SECONDS);
	}

}
