package dev.statwall.sampling;

import java.util.List;

/**
 * One part of the system the probe reads every sample, such as the network. The probe guards each
 * area on its own, so a broken one shows as n/a without hiding the others.
 */
interface Area {

	/** Name in the failure log, such as {@code network}. */
	String name();

	/**
	 * Slow look-ups of what exists (mounts, disks, interfaces, sensors), done at start and then
	 * every discovery interval rather than every sample.
	 */
	void discover();

	/** The metrics this area can report now; replaced, never changed, so any thread may read it. */
	List<Metric> metrics();

	/** Reads now; called on the sampler's thread only. */
	void read(Readout out);

}
