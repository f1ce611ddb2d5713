package dev.statwall.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import dev.statwall.sampling.Metric;
import dev.statwall.sampling.Reading;
import dev.statwall.sampling.SystemProbe;
import dev.statwall.sampling.Table;
import dev.statwall.sampling.Unit;

/**
 * A probe whose readings tests choose: each metric is a function of the read count, so a test
 * knows exactly which value the n-th sample carries.
 */
public final class FakeProbe implements SystemProbe {

	private final Map<String, LongFunction<Double>> values = new ConcurrentHashMap<>();

	private final Map<String, Metric> metrics = new LinkedHashMap<>();

	private final Map<String, Table> tables = new ConcurrentHashMap<>();

	private final AtomicLong reads = new AtomicLong();

	public FakeProbe() {
		metric("cpu.usage", Unit.PERCENT, (n) -> (double) (n % 100));
		metric("memory.usage", Unit.PERCENT, (n) -> 50.0);
	}

	public FakeProbe metric(String name, Unit unit, LongFunction<Double> value) {
		this.metrics.put(name, new Metric(name, unit, "test metric " + name));
		this.values.put(name, value);
		return this;
	}

	public FakeProbe table(String name, Table table) {
		this.tables.put(name, table);
		return this;
	}

	public long reads() {
		return this.reads.get();
	}

	@Override
	public List<Metric> metrics() {
		return new ArrayList<>(this.metrics.values());
	}

	@Override
	public Reading read() {
		long n = this.reads.incrementAndGet();
		Map<String, Double> read = new LinkedHashMap<>();
		this.values.forEach((name, value) -> read.put(name, value.apply(n)));
		return new Reading(read, Map.of(), Map.copyOf(this.tables));
	}

}
