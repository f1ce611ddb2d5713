package dev.statwall.sampling;

import java.util.Arrays;

/**
 * The kernel's counters of one interface or disk: read every sample, reported as they are (the
 * {@code _total} metrics Prometheus takes) and turned into rates since the previous read. Every
 * metric name is made once here, not on every read.
 */
final class DeviceCounters {

	final String device;

	/** The counters' metric names, such as {@code net.eth0.rx_bytes_total}. */
	final String[] counterNames;

	/** The rates' metric names, such as {@code net.eth0.rx}. */
	final String[] rateNames;

	/** Filled by the reader before {@link #update}; -1 where this platform lacks a counter. */
	final long[] current;

	private final long[] previous;

	private long previousNanos = Rates.UNKNOWN;

	/** Whether this device's rates go into the area's totals. */
	boolean inTotal;

	/** Whether this device exists in hardware (has a /sys device), as opposed to a virtual one. */
	boolean physical;

	/** The read that last saw this device, to forget the ones that are gone. */
	long lastSeen;

	DeviceCounters(String prefix, String device, String[] counterSuffixes, String[] rateSuffixes) {
		this.device = device;
		this.counterNames = names(prefix + device + ".", counterSuffixes);
		this.rateNames = names(prefix + device + ".", rateSuffixes);
		this.current = new long[counterSuffixes.length];
		this.previous = new long[counterSuffixes.length];
		Arrays.fill(this.previous, Rates.UNKNOWN);
	}

	private static String[] names(String prefix, String[] suffixes) {
		String[] names = new String[suffixes.length];
		for (int i = 0; i < suffixes.length; i++) {
			names[i] = prefix + suffixes[i];
		}
		return names;
	}

	/**
	 * Puts each counter as it is, and its per-second increase since the previous update into
	 * {@code rates} (one per counter, NaN at the first update).
	 */
	void update(long nowNanos, double[] rates, Readout out) {
		long elapsed = (this.previousNanos == Rates.UNKNOWN) ? 0 : nowNanos - this.previousNanos;
		for (int i = 0; i < this.current.length; i++) {
			long value = this.current[i];
			out.value(this.counterNames[i], (value >= 0) ? value : Double.NaN);
			rates[i] = Rates.perSecond(this.previous[i], value, elapsed);
			this.previous[i] = value;
		}
		this.previousNanos = nowNanos;
	}

}
