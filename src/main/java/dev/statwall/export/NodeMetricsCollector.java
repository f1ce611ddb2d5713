package dev.statwall.export;

import java.util.LinkedHashMap;
import java.util.Map;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import dev.statwall.series.NodeInfo;
import dev.statwall.series.SeriesStore;

/**
 * Every sampled metric of every node this process knows, at {@code /actuator/prometheus}. Built
 * from the newest readings at scrape time, so thousands of nodes cost nothing between scrapes.
 */
final class NodeMetricsCollector implements MultiCollector {

	private final SeriesStore store;

	NodeMetricsCollector(SeriesStore store) {
		this.store = store;
	}

	@Override
	public MetricSnapshots collect() {
		Map<String, GaugeSnapshot.Builder> families = new LinkedHashMap<>();
		for (NodeInfo node : this.store.nodes()) {
			node.values().forEach((metric, value) -> {
				if (value == null || value.isNaN()) {
					return; // n/a is no sample, not a zero
				}
				PrometheusName name = PrometheusName.of(metric);
				Labels labels = (name.label() != null) ? Labels.of("node", node.name(), name.label(), name.labelValue())
						: Labels.of("node", node.name());
				families.computeIfAbsent(name.family(), (family) -> GaugeSnapshot.builder().name(family).help(name.help()))
					.dataPoint(GaugeDataPointSnapshot.builder().value(value * name.scale()).labels(labels).build());
			});
		}
		MetricSnapshots.Builder snapshots = MetricSnapshots.builder();
		families.values().forEach((family) -> snapshots.metricSnapshot(family.build()));
		return snapshots.build();
	}

}
