package dev.statwall.hub.web;

import java.time.Clock;
import java.time.Duration;

import tools.jackson.databind.json.JsonMapper;

import dev.statwall.hub.NodeRegistry;
import dev.statwall.hub.Overview;
import dev.statwall.live.LiveSubscriptions;
import dev.statwall.role.ConditionalOnRole;
import dev.statwall.role.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** The overview's live messages, once a second. Loaded only with {@code statwall.role=hub}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.HUB)
class HubWebConfiguration implements SchedulingConfigurer {

	private final OverviewPublisher overview;

	HubWebConfiguration(OverviewPublisher overview) {
		this.overview = overview;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedRateTask(this.overview::publish, Duration.ofSeconds(1));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnRole(Role.HUB)
	static class Beans {

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

	}

}
