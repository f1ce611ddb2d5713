package dev.statwall.hub;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import dev.statwall.card.InvalidConfigurationException;
import dev.statwall.card.NodeDashboards;
import dev.statwall.live.LiveSubscriptions;
import dev.statwall.role.ConditionalOnRole;
import dev.statwall.role.Role;
import dev.statwall.sampling.LocalNode;
import dev.statwall.sampling.Sample;
import dev.statwall.sampling.SamplingProperties;
import dev.statwall.series.SampleNames;
import dev.statwall.series.SeriesStore;
import dev.statwall.series.Tables;
import dev.statwall.wire.NodeNames;
import dev.statwall.wire.SampleBatch;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** The hub: ingest, node registry, overview. Loaded only with {@code statwall.role=hub}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.HUB)
class HubConfiguration implements SchedulingConfigurer {

	private final OverviewPublisher overview;

	HubConfiguration(OverviewPublisher overview) {
		this.overview = overview;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedRateTask(this.overview::publish, java.time.Duration.ofSeconds(1));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnRole(Role.HUB)
	static class Beans {

		@Bean
		static HubToken hubToken(HubProperties properties) {
			try {
				return new HubToken(properties.requireToken());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidConfigurationException("statwall.hub.token",
						"a hub needs a token, the secret its agents send (set statwall.hub.token or STATWALL_HUB_TOKEN)");
			}
		}

		@Bean
		static NodeRegistry nodeRegistry(SeriesStore store, Tables tables, NodeDashboards dashboards,
				ApplicationEventPublisher events, Clock clock, HubProperties properties, HubLimits limits,
				ObjectProvider<MeterRegistry> meters) {
			return new NodeRegistry(store, tables, dashboards, events, clock, properties, limits,
					meters.getIfAvailable(SimpleMeterRegistry::new));
		}

		@Bean
		static Overview overview(NodeRegistry nodes, ObjectProvider<NodeAlerts> alerts) {
			return new Overview(nodes, alerts.getIfAvailable(() -> NodeAlerts.NONE));
		}

		@Bean
		static OverviewViewers overviewViewers() {
			return new OverviewViewers();
		}

		@Bean
		static OverviewPublisher overviewPublisher(NodeRegistry nodes, Overview overview,
				SimpMessageSendingOperations messaging, LiveSubscriptions subscriptions, OverviewViewers viewers,
				JsonMapper json, Clock clock) {
			return new OverviewPublisher(nodes, overview, messaging, subscriptions, viewers, json, clock);
		}

		@Bean
		static SelfRecorder selfRecorder(HubProperties properties, NodeRegistry nodes, LocalNode node,
				SamplingProperties sampling) {
			return new SelfRecorder(properties.sampleSelf(), nodes, node.name(), sampling.interval().toMillis());
		}

	}

	/** The hub's own machine as one more node, when {@code statwall.hub.sample-self} is on. */
	static final class SelfRecorder {

		private final boolean enabled;

		private final NodeRegistry nodes;

		private final String name;

		private final String run = SampleBatch.newRun();

		private final SampleNames names = new SampleNames();

		private final long interval;

		SelfRecorder(boolean enabled, NodeRegistry nodes, String name, long interval) {
			if (enabled && !NodeNames.isValid(name)) {
				throw new InvalidConfigurationException("statwall.node-name",
						NodeNames.problem(name) + "; the hub shows itself as a node under this name");
			}
			this.enabled = enabled;
			this.nodes = nodes;
			this.name = name;
			this.interval = interval;
		}

		@EventListener
		void record(Sample sample) {
			if (this.enabled) {
				this.nodes.takeLocal(this.name, this.run, this.interval, sample.tick(), sample.time(), sample.reading(),
						this.names);
			}
		}

	}

}
