package dev.statwall.export;

import io.prometheus.metrics.model.registry.PrometheusRegistry;

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
	NodeMetricsCollector nodeMetricsCollector(SeriesStore store, ObjectProvider<PrometheusRegistry> registry) {
		NodeMetricsCollector collector = new NodeMetricsCollector(store);
		registry.ifAvailable((prometheus) -> prometheus.register(collector));
		return collector;
	}

}
