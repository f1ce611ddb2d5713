package dev.statwall.export;

import java.util.LinkedHashMap;
import java.util.Map;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import dev.statwall.card.CardBuffers;
import dev.statwall.sampling.Reading;

/**
 * Every sampled metric of every node this process knows, at {@code /actuator/prometheus}. Built
 * from the newest readings at scrape time, so thousands of nodes cost nothing between scrapes.
 */
final class NodeMetricsCollector implements MultiCollector {

	private final CardBuffers cards;

	NodeMetricsCollector(CardBuffers cards) {
		this.cards = cards;
	}

	@Override
	public MetricSnapshots collect() {
		Map<String, GaugeSnapshot.Builder> families = new LinkedHashMap<>();
		for (Map.Entry<String, Reading> node : this.cards.latestReadings().entrySet()) {
			node.getValue().values().forEach((metric, value) -> {
				if (value == null || value.isNaN()) {
					return; // n/a is no sample, not a zero
				}
				PrometheusName name = PrometheusName.of(metric);
				Labels labels = (name.label() != null) ? Labels.of("node", node.getKey(), name.label(), name.labelValue())
						: Labels.of("node", node.getKey());
				families.computeIfAbsent(name.family(), (family) -> GaugeSnapshot.builder().name(family).help(name.help()))
					.dataPoint(GaugeDataPointSnapshot.builder().value(value * name.scale()).labels(labels).build());
			});
		}
		MetricSnapshots.Builder snapshots = MetricSnapshots.builder();
		families.values().forEach((family) -> snapshots.metricSnapshot(family.build()));
		return snapshots.build();
	}

}
