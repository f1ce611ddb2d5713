package dev.statwall.export;

import io.prometheus.metrics.model.registry.PrometheusRegistry;

import dev.statwall.card.CardBuffers;

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
	NodeMetricsCollector nodeMetricsCollector(CardBuffers cards, ObjectProvider<PrometheusRegistry> registry) {
		NodeMetricsCollector collector = new NodeMetricsCollector(cards::latestReadings);
		registry.ifAvailable((prometheus) -> prometheus.register(collector));
		return collector;
	}

}
