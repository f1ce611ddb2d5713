package dev.statwall.agent;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: after the n-th failure in a row, wait a uniformly random
 * time between zero and {@code min(max, initial × 2^(n-1))}. Hundreds of agents that lost the same
 * hub at the same moment thus come back spread over the whole window instead of all at once.
 */
public final class Backoff {

	private final long initialMillis;

	private final long maxMillis;

	private final RandomGenerator random;

	private int failures;

	public Backoff(Duration initial, Duration max, RandomGenerator random) {
		this.initialMillis = Math.max(1, initial.toMillis());
		this.maxMillis = Math.max(this.initialMillis, max.toMillis());
		this.random = random;
	}

	/**
	 * A random source of its own for one sender, seeded from this thread's generator (itself seeded
	 * from the clock and the monotonic timer), the process id and the node's name: agents started by
	 * the same unit at the same moment, on one machine or many, draw different waits. A generator
	 * must never be handed to another thread as {@code ThreadLocalRandom.current()} was: on a thread
	 * that did not ask for it, it draws from a seed every JVM shares.
	 */
	public static RandomGenerator randomFor(String node) {
		long seed = ThreadLocalRandom.current().nextLong() ^ (ProcessHandle.current().pid() * 0x9E3779B97F4A7C15L)
				^ ((long) node.hashCode() << 32);
		return new SplittableRandom(seed);
	}

	/** Counts one more failure and returns how long to wait before the next try, in milliseconds. */
	public long failed() {
		this.failures = Math.min(this.failures + 1, 62);
		return this.random.nextLong(ceilingMillis() + 1);
	}

	/** The upper bound of the current wait: {@code min(max, initial × 2^(failures-1))}. */
	long ceilingMillis() {
		if (this.failures == 0) {
			return 0;
		}
		int shift = this.failures - 1;
		if (shift >= Long.numberOfLeadingZeros(this.initialMillis) - 1) {
			return this.maxMillis; // the doubling would overflow long before this
		}
		return Math.min(this.maxMillis, this.initialMillis << shift);
	}

	public void succeeded() {
		this.failures = 0;
	}

	public int failures() {
		return this.failures;
	}

}
