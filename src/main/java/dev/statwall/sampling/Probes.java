package dev.statwall.sampling;

import oshi.SystemInfo;

/** The real probe, for the roles that sample without an application context (the agent). */
public final class Probes {

	private Probes() {
	}

	/** The OSHI probe, as the {@code systemProbe} bean is. */
	public static SystemProbe oshi() {
		return new OshiProbe(new SystemInfo());
	}

}
