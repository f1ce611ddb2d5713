package dev.statwall.agent;

import dev.statwall.sampling.Sample;

/**
 * An agent's sender: one thread, one {@link Delivery}, one request at a time. While the hub
 * cannot be reached it keeps spooling and waits as the delivery's backoff says; a new sample wakes
 * it when it has nothing left to send.
 */
final class Agent implements Runnable {

	private final Delivery delivery;

	private final HubConnection hub;

	private final Object arrivals = new Object();

	private volatile boolean running = true;

	Agent(Delivery delivery, HubConnection hub) {
		this.delivery = delivery;
		this.hub = hub;
	}

	/** Takes a sample from the sampler: into the spool, and wakes the sender. */
	void accept(Sample sample) {
		this.delivery.add(sample);
		synchronized (this.arrivals) {
			this.arrivals.notifyAll();
		}
	}

	@Override
	public void run() {
		// after stop(), go on only to deliver what is left while the hub answers
		while (this.running || (this.delivery.spooled() > 0 && !this.delivery.hubLost())) {
			long wait = this.delivery.deliverOnce(this.hub);
			if (wait < 0) {
				awaitSample();
			}
			else if (wait > 0) {
				pause(wait);
			}
		}
	}

	private void awaitSample() {
		synchronized (this.arrivals) {
			try {
				while (this.running && this.delivery.spooled() == 0) {
					this.arrivals.wait();
				}
			}
			catch (InterruptedException ex) {
				interrupted();
			}
		}
	}

	/** Waits out a backoff; new samples do not cut it short, stopping does. */
	private void pause(long millis) {
		long deadline = System.nanoTime() + millis * 1_000_000;
		synchronized (this.arrivals) {
			try {
				long left;
				while (this.running && (left = deadline - System.nanoTime()) > 0) {
					this.arrivals.wait(Math.max(1, left / 1_000_000));
				}
			}
			catch (InterruptedException ex) {
				interrupted();
			}
		}
	}

	private void interrupted() {
		Thread.currentThread().interrupt();
		this.running = false;
	}

	/** Stops taking new work; the sender delivers what is left if the hub answers. */
	void stop() {
		this.running = false;
		synchronized (this.arrivals) {
			this.arrivals.notifyAll();
		}
	}

	Delivery delivery() {
		return this.delivery;
	}

	long sent() {
		return this.delivery.sent();
	}

	boolean hubLost() {
		return this.delivery.hubLost();
	}

}
