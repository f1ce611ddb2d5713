package dev.statwall.alert;

import java.time.Clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import dev.statwall.hub.HubProperties;
import dev.statwall.role.ConditionalOnRole;
import dev.statwall.role.Role;
import dev.statwall.role.RoleProperties;
import dev.statwall.sampling.LocalNode;
import dev.statwall.sampling.SamplingProperties;
import dev.statwall.series.SeriesStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Alerts on a hub (every node) and on a standalone node (itself); agents run none. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole({ Role.STANDALONE, Role.HUB })
class AlertConfiguration implements SchedulingConfigurer {

	private final AlertRunner runner;

	private final SamplingProperties sampling;

	private final AlertProperties properties;

	AlertConfiguration(AlertRunner runner, SamplingProperties sampling, AlertProperties properties) {
		this.runner = runner;
		this.sampling = sampling;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedRateTask(this.runner::tick, this.sampling.interval());
		if (!this.properties.alertmanager().urls().isEmpty()) {
			registrar.addFixedRateTask(this.runner::resend, this.properties.alertmanager().resendInterval());
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnRole({ Role.STANDALONE, Role.HUB })
	static class Beans {

		@Bean
		static AlertRules alertRules(AlertProperties properties, HubProperties hub) {
			return AlertRules.of(properties, hub.offlineAfter());
		}

		@Bean
		static AlertBoard alertBoard(SeriesStore store, Clock clock, JsonMapper json, AlertProperties properties,
				AlertRules rules) {
			AlertBoard board = new AlertBoard(store, clock, json, properties.history());
			board.restore(rules);
			return board;
		}

		@Bean(destroyMethod = "close")
		static Notifier alertNotifier(AlertProperties properties, ObjectProvider<JavaMailSender> mail,
				ObjectProvider<MailProperties> mailProperties, JsonMapper json, Clock clock,
				ObjectProvider<MeterRegistry> meters, AlertBoard board) {
			MailProperties smtp = mailProperties.getIfAvailable();
			return Receivers.notifier(properties, mail.getIfAvailable(), (smtp != null) ? smtp.getUsername() : null, json,
					clock, meters.getIfAvailable(SimpleMeterRegistry::new), board::delivered);
		}

		@Bean
		static AlertEvaluator alertEvaluator(AlertRules rules, SeriesStore store, AlertBoard board, Notifier notifier,
				Clock clock, RoleProperties role, LocalNode node, HubProperties hub) {
			return new AlertEvaluator(rules, store, board, notifier, clock,
					(role.role() == Role.HUB) ? null : node.name(), hub.staleAfter().toMillis(),
					hub.offlineAfter().toMillis());
		}

		@Bean
		static AlertRunner alertRunner(AlertEvaluator evaluator, Notifier notifier, ObjectProvider<MeterRegistry> meters) {
			return new AlertRunner(evaluator, notifier, meters.getIfAvailable(SimpleMeterRegistry::new));
		}

		/** Firing alerts by severity, for Prometheus. */
		@Bean
		static MeterBinder alertMeters(AlertBoard board) {
			return (registry) -> {
				Gauge.builder("statwall.alerts.firing", board, (b) -> b.counts().critical())
					.tag("severity", "critical")
					.description("Alerts firing now")
					.register(registry);
				Gauge.builder("statwall.alerts.firing", board, (b) -> b.counts().warning())
					.tag("severity", "warning")
					.description("Alerts firing now")
					.register(registry);
			};
		}

	}

}
