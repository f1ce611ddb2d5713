package dev.statwall.simulator;

import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.statwall.agent.AgentProperties;
import dev.statwall.agent.HubClientProperties;
import dev.statwall.role.Launcher;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Runs the simulator role: synthetic agents against a hub elsewhere, no application context. The
 * nodes take the agent's settings ({@code statwall.agent.*}) and the hub's address and token
 * ({@code statwall.hub.url}, {@code statwall.hub.token}) as agents do.
 */
public final class SimulatorMain {

	private static final Log logger = LogFactory.getLog(SimulatorMain.class);

	private SimulatorMain() {
	}

	public static void run(ConfigurableEnvironment environment) {
		Launcher.initializeLogging(environment);
		Binder binder = Binder.get(environment);
		Simulator simulator;
		SimulatorProperties properties;
		URI hub;
		try {
			properties = binder.bindOrCreate("statwall.simulator", SimulatorProperties.class);
			AgentProperties agent = binder.bindOrCreate("statwall.agent", AgentProperties.class);
			HubClientProperties client = binder.bindOrCreate("statwall.hub", HubClientProperties.class);
			hub = client.requireUrl();
			Simulator.keepConnectionsFor(properties.concurrency());
			simulator = new Simulator(properties, agent, client);
		}
		catch (RuntimeException ex) {
			Launcher.exit("simulator", ex);
			return;
		}
		LatencyWatch watch = null;
		if (properties.latencyNodes() > 0) {
			watch = new LatencyWatch(simulator.watch(properties.latencyNodes()));
			try {
				watch.connect(hub, properties.latencyCard());
			}
			catch (Exception ex) {
				logger.warn("Latency watch cannot connect to " + hub + "; measuring nothing", ex);
				watch = null;
			}
		}
		simulator.start();
		LatencyWatch latency = watch;
		ScheduledExecutorService reports = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "statwall-sim-report");
			thread.setDaemon(true);
			return thread;
		});
		@Nullable ScheduledFuture<?> summaries = (latency != null) ? reports
			.scheduleAtFixedRate(() -> logger.info("Latency " + latency.summary()), 30, 30, TimeUnit.SECONDS) : null;
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			if (summaries != null) {
				summaries.cancel(false);
			}
			reports.shutdownNow();
			simulator.close();
			if (latency != null) {
				// printed, not logged: the logging system may already be shut down
				System.out.println("Latency at shutdown " + latency.summary());
				latency.close();
			}
		}, "statwall-sim-shutdown"));
	}

}
