package dev.statwall.sampling;

import java.util.concurrent.locks.LockSupport;

import org.apache.commons.logging.LogFactory;

/**
 * Reads the probe once a second and nothing else, so bench/probe-cost.sh can measure what the
 * sampling alone costs a process. Arguments: {@code linux} (what the application runs) or
 * {@code oshi} (plain OSHI through JNA), and the number of seconds.
 */
public final class ProbeCost {

	private ProbeCost() {
	}

	public static void main(String[] args) {
		String provider = (args.length > 0) ? args[0] : "linux";
		int seconds = (args.length > 1) ? Integer.parseInt(args[1]) : 70;
		FailureLog failures = new FailureLog(LogFactory.getLog(ProbeCost.class));
		SystemProbe probe = provider.equals("oshi")
				? OshiProbe.create(new oshi.SystemInfo(), ProbeSettings.defaults(), false, failures)
				: OshiProbe.create(new oshi.nativefree.SystemInfo(), ProbeSettings.defaults(), OshiProbe.isLinux(),
						failures);
		long next = System.nanoTime();
		long sink = 0;
		for (int i = 0; i < seconds; i++) {
			sink += probe.read().values().size();
			next += 1_000_000_000L;
			LockSupport.parkNanos(next - System.nanoTime());
		}
		System.out.println("read " + seconds + " samples, " + sink + " values");
	}

}
