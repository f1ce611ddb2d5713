package dev.statwall.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import dev.statwall.sampling.Metric;
import dev.statwall.sampling.Reading;

/**
 * Every sampled metric of every node this process knows, at {@code /actuator/prometheus}. Built
 * from the newest readings at scrape time, so thousands of nodes cost nothing between scrapes.
 * The kernel's counters go out as Prometheus counters that only ever go up ({@link Counters}).
 */
final class NodeMetricsCollector implements MultiCollector {

	private final Supplier<Map<String, Reading>> latest;

	private final Counters counters = new Counters();

	/** @param latest the newest reading of every node, by node */
	NodeMetricsCollector(Supplier<Map<String, Reading>> latest) {
		this.latest = latest;
	}

	@Override
	public MetricSnapshots collect() {
		Map<String, Reading> readings = this.latest.get();
		Map<String, Family> families = new LinkedHashMap<>();
		synchronized (this.counters) {
			this.counters.keepOnly(readings.keySet());
			for (Map.Entry<String, Reading> entry : readings.entrySet()) {
				String node = entry.getKey();
				Reading reading = entry.getValue();
				this.counters.seen(node, reading.value("system.uptime"));
				reading.values().forEach((metric, value) -> {
					if (value == null || value.isNaN()) {
						return; // n/a is no sample, not a zero
					}
					PrometheusName name = PrometheusName.of(metric);
					if (name == null) {
						return;
					}
					double exported = name.counter() ? this.counters.exported(node, metric, value) : name.value(value);
					families.computeIfAbsent(name.family(), (family) -> new Family(name)).add(node, name, exported);
				});
			}
		}
		MetricSnapshots.Builder snapshots = MetricSnapshots.builder();
		families.values().forEach((family) -> snapshots.metricSnapshot(family.snapshot()));
		return snapshots.build();
	}

	/** One family's data points as they are collected. */
	private static final class Family {

		private final PrometheusName name;

		private final List<Labels> labels = new ArrayList<>();

		private final List<Double> values = new ArrayList<>();

		Family(PrometheusName name) {
			this.name = name;
		}

		void add(String node, PrometheusName name, double value) {
			String[] pairs = new String[2 + 2 * name.labels().size()];
			pairs[0] = "node";
			pairs[1] = node;
			for (int i = 0; i < name.labels().size(); i++) {
				pairs[2 + 2 * i] = name.labels().get(i);
				pairs[3 + 2 * i] = name.values().get(i);
			}
			this.labels.add(Labels.of(pairs));
			this.values.add(value);
		}

		MetricSnapshot snapshot() {
			if (this.name.counter()) {
				CounterSnapshot.Builder counter = CounterSnapshot.builder().name(this.name.family()).help(this.name.help());
				for (int i = 0; i < this.values.size(); i++) {
					counter.dataPoint(
							CounterDataPointSnapshot.builder().value(this.values.get(i)).labels(this.labels.get(i)).build());
				}
				return counter.build();
			}
			GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(this.name.family()).help(this.name.help());
			for (int i = 0; i < this.values.size(); i++) {
				gauge.dataPoint(GaugeDataPointSnapshot.builder().value(this.values.get(i)).labels(this.labels.get(i)).build());
			}
			return gauge.build();
		}

	}

	/**
	 * Makes the kernel's counters Prometheus counters that only ever go up. A node's counters start
	 * again from zero when it reboots (its uptime goes back) and a device's when it is reset (a
	 * driver reloaded, an interface made again): each time, what the series had counted until then
	 * is kept as an offset for that node and series and added to everything after. So a counter
	 * exported here never goes down while this process runs, and {@code rate()} over a reboot
	 * counts only the traffic there was. Guarded by itself.
	 */
	static final class Counters {

		/** By node, by metric: {last value the node reported, offset added to it}. */
		private final Map<String, Map<String, double[]>> series = new HashMap<>();

		private final Map<String, Double> uptimes = new HashMap<>();

		private final Map<String, Boolean> rebooted = new HashMap<>();

		/** Forgets nodes this process no longer knows. */
		void keepOnly(Set<String> nodes) {
			this.series.keySet().retainAll(nodes);
			this.uptimes.keySet().retainAll(nodes);
			this.rebooted.keySet().retainAll(nodes);
		}

		/** Notes the node's uptime: lower than at the last scrape means it rebooted in between. */
		void seen(String node, double uptime) {
			if (Double.isNaN(uptime)) {
				this.rebooted.put(node, false);
				return;
			}
			Double before = this.uptimes.put(node, uptime);
			this.rebooted.put(node, before != null && uptime < before);
		}

		/** The value to export for a counter the node reports as {@code value}. */
		double exported(String node, String metric, double value) {
			Map<String, double[]> counters = this.series.computeIfAbsent(node, (name) -> new HashMap<>());
			double[] state = counters.get(metric);
			if (state == null) {
				state = new double[] { value, 0 };
				counters.put(metric, state);
			}
			else if (value < state[0] || Boolean.TRUE.equals(this.rebooted.get(node))) {
				state[1] += state[0]; // counting started again: keep what was counted before
			}
			state[0] = value;
			return Metric.unitOf(metric).round(value + state[1]);
		}

	}

}
