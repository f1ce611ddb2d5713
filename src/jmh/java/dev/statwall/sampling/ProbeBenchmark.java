package dev.statwall.sampling;

import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.LogFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One full read of the probe, top processes included. Sample mode, so JMH reports the median
 * (p0.50) of single reads rather than an average that one slow discovery would move.
 * <p>
 * {@code provider=linux} is what the application runs on Linux; {@code oshi} is plain OSHI
 * (JNA provider, every stat through OSHI's own update methods), for comparison.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ProbeBenchmark {

	@Param({ "linux" })
	public String provider;

	private SystemProbe probe;

	@Setup(Level.Trial)
	public void setUp() {
		FailureLog failures = new FailureLog(LogFactory.getLog(ProbeBenchmark.class));
		this.probe = provider.equals("oshi")
				? OshiProbe.create(new oshi.SystemInfo(), ProbeSettings.defaults(), false, failures)
				: OshiProbe.create(new oshi.nativefree.SystemInfo(), ProbeSettings.defaults(), OshiProbe.isLinux(),
						failures);
		this.probe.read();
	}

	@Benchmark
	public Reading fullRead() {
		return this.probe.read();
	}

}
