package dev.statwall.sampling;

import java.util.List;

import oshi.nativefree.SystemInfo;

import dev.statwall.testing.RecordingLog;

/** Real probes for tests: OSHI's native-free provider with the Linux /proc readers. */
final class Probes {

	private static final SystemInfo SYSTEM = new SystemInfo();

	private Probes() {
	}

	static OshiProbe linux(ProbeSettings settings) {
		return OshiProbe.create(SYSTEM, settings, true, new FailureLog(new RecordingLog()));
	}

	static OshiProbe linux() {
		return linux(ProbeSettings.defaults());
	}

	static List<String> names(SystemProbe probe) {
		return probe.metrics().stream().map(Metric::name).toList();
	}

}
