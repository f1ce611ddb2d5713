package dev.statwall.sampling;

import java.util.Arrays;

/**
 * The counters of one interface or disk at the previous read, so the next read can turn them into
 * rates under the device's metric names (computed once, not on every read).
 */
final class DeviceCounters {

	final String device;

	final String[] names;

	/** Filled by the reader before {@link #update}. */
	final long[] current;

	private final long[] previous;

	private long previousNanos = Rates.UNKNOWN;

	/** Whether this device's rates go into the area's totals. */
	boolean inTotal;

	/** Whether this device exists in hardware (has a /sys device), as opposed to a virtual one. */
	boolean physical;

	/** The read that last saw this device, to forget the ones that are gone. */
	long lastSeen;

	DeviceCounters(String prefix, String device, String[] suffixes) {
		this.device = device;
		this.names = new String[suffixes.length];
		for (int i = 0; i < suffixes.length; i++) {
			this.names[i] = prefix + device + "." + suffixes[i];
		}
		this.current = new long[suffixes.length];
		this.previous = new long[suffixes.length];
		Arrays.fill(this.previous, Rates.UNKNOWN);
	}

	/** Turns {@link #current} into per-second {@code rates} since the previous update. */
	void update(long nowNanos, double[] rates) {
		long elapsed = (this.previousNanos == Rates.UNKNOWN) ? 0 : nowNanos - this.previousNanos;
		for (int i = 0; i < this.current.length; i++) {
			rates[i] = Rates.perSecond(this.previous[i], this.current[i], elapsed);
			this.previous[i] = this.current[i];
		}
		this.previousNanos = nowNanos;
	}

}
