package dev.statwall.simulator;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import dev.statwall.agent.AgentProperties;
import dev.statwall.agent.HubClientProperties;
import dev.statwall.role.ConditionalOnRole;
import dev.statwall.role.Role;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The simulator inside a hub, sending to the hub's own port over real HTTP: the one-command demo
 * ({@code --statwall.role=hub --statwall.hub.token=demo --statwall.simulator.enabled=true}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.HUB)
@ConditionalOnBooleanProperty("statwall.simulator.enabled")
class SimulatorConfiguration {

	@Bean
	EmbeddedSimulator embeddedSimulator(SimulatorProperties properties, AgentProperties agent,
			HubClientProperties hub) {
		return new EmbeddedSimulator(properties, agent, hub);
	}

	/** Starts once the hub listens, so the first samples are not refused. */
	static final class EmbeddedSimulator implements DisposableBean {

		private final SimulatorProperties properties;

		private final AgentProperties agent;

		private final HubClientProperties hub;

		private volatile @Nullable Simulator simulator;

		EmbeddedSimulator(SimulatorProperties properties, AgentProperties agent, HubClientProperties hub) {
			this.properties = properties;
			this.agent = agent;
			this.hub = hub;
		}

		@EventListener
		void start(WebServerInitializedEvent event) {
			if (this.simulator != null || event.getApplicationContext().getServerNamespace() != null) {
				return; // already started, or the management server
			}
			URI url = this.hub.url();
			HubClientProperties client = (url != null) ? this.hub
					: this.hub.withUrl(URI.create("http://127.0.0.1:" + event.getWebServer().getPort()));
			Simulator.keepConnectionsFor(this.properties.concurrency());
			Simulator simulator = new Simulator(this.properties, this.agent, client);
			simulator.start();
			this.simulator = simulator;
		}

		@Nullable Simulator simulator() {
			return this.simulator;
		}

		@Override
		public void destroy() {
			Simulator simulator = this.simulator;
			if (simulator != null) {
				simulator.close();
			}
		}

	}

}
