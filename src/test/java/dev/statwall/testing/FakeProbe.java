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

	private final Map<String, String> texts = new ConcurrentHashMap<>(
			Map.of("system.os", "FakeOS 1.0", "system.kernel", "6.1.0-fake", "system.hostname", "fake-host"));

	/** Every metric the default dashboard names, with values a test can predict from the read count. */
	public FakeProbe() {
		metric("cpu.usage", Unit.PERCENT, (n) -> (double) (n % 100));
		metric("cpu.core.0.usage", Unit.PERCENT, (n) -> (double) (n % 100));
		metric("cpu.core.1.usage", Unit.PERCENT, (n) -> 100.0 - (n % 100));
		metric("cpu.cores", Unit.COUNT, (n) -> 2.0);
		metric("cpu.iowait", Unit.PERCENT, (n) -> 0.5);
		metric("cpu.steal", Unit.PERCENT, (n) -> 0.0);
		metric("load.1", Unit.COUNT, (n) -> 0.5);
		metric("load.5", Unit.COUNT, (n) -> 0.25);
		metric("load.15", Unit.COUNT, (n) -> 0.125);
		metric("memory.usage", Unit.PERCENT, (n) -> 50.0);
		metric("memory.used", Unit.BYTES, (n) -> 4.0 * (1L << 30));
		metric("memory.total", Unit.BYTES, (n) -> 8.0 * (1L << 30));
		metric("swap.usage", Unit.PERCENT, (n) -> Double.NaN);
		metric("swap.used", Unit.BYTES, (n) -> 0.0);
		metric("swap.total", Unit.BYTES, (n) -> 0.0);
		metric("net.rx", Unit.BYTES_PER_SECOND, (n) -> 1024.0 * n);
		metric("net.tx", Unit.BYTES_PER_SECOND, (n) -> 512.0 * n);
		metric("net.errors", Unit.PER_SECOND, (n) -> 0.0);
		metric("net.drops", Unit.PER_SECOND, (n) -> 0.0);
		metric("net.eth0.rx", Unit.BYTES_PER_SECOND, (n) -> 1024.0 * n);
		metric("net.eth0.rx_bytes_total", Unit.BYTES, (n) -> 1e9 + 1024.0 * n);
		metric("net.eth0.tx_bytes_total", Unit.BYTES, (n) -> 5e8 + 512.0 * n);
		metric("disk.sda.write_bytes_total", Unit.BYTES, (n) -> 8192.0 * n);
		metric("cpu.core.0.user_seconds_total", Unit.SECONDS, (n) -> 1000 + 0.25 * n);
		metric("disk.read", Unit.BYTES_PER_SECOND, (n) -> 4096.0);
		metric("disk.write", Unit.BYTES_PER_SECOND, (n) -> 8192.0);
		metric("disk.read_ops", Unit.PER_SECOND, (n) -> 1.0);
		metric("disk.write_ops", Unit.PER_SECOND, (n) -> 2.0);
		metric("fs./.usage", Unit.PERCENT, (n) -> 25.0);
		metric("fs./.used", Unit.BYTES, (n) -> 25.0 * (1L << 30));
		metric("fs./.total", Unit.BYTES, (n) -> 100.0 * (1L << 30));
		metric("system.uptime", Unit.SECONDS, (n) -> 3_600.0 + n);
		metric("processes.count", Unit.COUNT, (n) -> 123.0);
		metric("threads.count", Unit.COUNT, (n) -> 456.0);
		table("filesystems", new Table(List.of("mount", "type", "used", "total", "usage"),
				Map.of("/", List.of("/", "ext4", 25.0 * (1L << 30), 100.0 * (1L << 30), 25.0))));
		table("processes.top", new Table(List.of("pid", "name", "user", "cpu", "memory", "command"),
				Map.of("1", List.of(1, "init", "root", 0.5, 8.0 * (1 << 20), "/sbin/init"), "42",
						List.of(42, "java", "app", 42.0, 512.0 * (1 << 20), "java -jar statwall.jar"))));
	}

	public FakeProbe text(String name, String value) {
		this.texts.put(name, value);
		return this;
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
		return new Reading(read, Map.copyOf(this.texts), Map.copyOf(this.tables));
	}

}
