package dev.statwall.export;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import dev.statwall.sampling.Reading;
import dev.statwall.series.SeriesStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ExportConfiguration {

	@Bean
	static HelpTextFilter helpTextFilter() {
		return new HelpTextFilter();
	}

	@Bean
	NodeMetricsCollector nodeMetricsCollector(SeriesStore store, ObjectProvider<PrometheusRegistry> registry,
			MeterRegistry meters) {
		PrometheusRegistry prometheus = registry.getIfAvailable();
		NodeMetricsCollector collector = new NodeMetricsCollector(() -> latest(store), prometheus, meters);
		if (prometheus != null) {
			prometheus.register(collector);
		}
		return collector;
	}

	/** Every node's newest sample, as the history store holds it. */
	static Map<String, Reading> latest(SeriesStore store) {
		Map<String, Reading> latest = new LinkedHashMap<>();
		store.nodes().forEach((node) -> latest.put(node.name(), new Reading(node.values(), node.texts(), Map.of())));
		return latest;
	}

}
