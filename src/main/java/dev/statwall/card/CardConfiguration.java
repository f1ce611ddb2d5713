package dev.statwall.card;

import dev.statwall.sampling.LocalNode;
import dev.statwall.sampling.SystemProbe;
import dev.statwall.series.SeriesStore;
import dev.statwall.series.Tables;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CardConfiguration {

	@Bean
	Dashboard dashboard(DashboardProperties properties, SystemProbe probe) {
		return new Dashboard(properties, probe.metrics());
	}

	@Bean
	NodeDashboards nodeDashboards(Dashboard dashboard, LocalNode node) {
		return new NodeDashboards(dashboard, node.name());
	}

	@Bean
	CardSeries cardSeries(SeriesStore store, Tables tables, NodeDashboards dashboards) {
		return new CardSeries(store, tables, dashboards);
	}

}
