package dev.statwall.sampling;

import java.util.List;

/**
 * Reads this node's stats. The OSHI implementation is the real one; tests use fakes.
 * <p>
 * Rates and percentages are measured between two consecutive {@link #read()} calls, so the probe
 * keeps the previous counters; the first read returns {@code NaN} for them.
 */
public interface SystemProbe {

	/** The metrics this node can report; a card may only name one of these. */
	List<Metric> metrics();

	/** Reads the system now. Never sleeps; a part that fails reads as {@code NaN}. */
	Reading read();

}
