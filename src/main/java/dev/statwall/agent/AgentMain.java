package dev.statwall.agent;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.statwall.hub.HubProperties;
import dev.statwall.role.Launcher;
import dev.statwall.sampling.LocalNode;
import dev.statwall.sampling.ProbeFactory;
import dev.statwall.sampling.Sample;
import dev.statwall.sampling.Sampler;
import dev.statwall.sampling.SamplingProperties;
import dev.statwall.wire.NodeNames;
import dev.statwall.wire.SampleBatch;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Runs the agent without an application context. A Spring context, even without a web server,
 * keeps an agent near 90 MB resident; this way it stays under 64 MB on the same jar and the same
 * configuration (see README, "The agent's footprint"). Spring Boot still reads the configuration,
 * binds the same property records and sets up logging.
 */
public final class AgentMain {

	private static final Log logger = LogFactory.getLog(AgentMain.class);

	private AgentMain() {
	}

	public static void run(ConfigurableEnvironment environment) {
		Launcher.initializeLogging(environment);
		Binder binder = Binder.get(environment);
		Agent agent;
		Sampler sampler;
		HealthFile health;
		long interval;
		try {
			HubProperties hub = binder.bindOrCreate("statwall.hub", HubProperties.class);
			AgentProperties properties = binder.bindOrCreate("statwall.agent", AgentProperties.class);
			interval = binder.bindOrCreate("statwall.sampling", SamplingProperties.class).interval().toMillis();
			String node = NodeNames.require(binder.bindOrCreate("statwall", LocalNode.class).name());
			HubConnection connection = new HubConnection(hub.requireUrl(), hub.requireToken(), properties.timeout(),
					(hub.caFile() != null) ? HubTrust.of(hub.caFile()).getSocketFactory() : null);
			Spool spool = new Spool(properties.spoolSize());
			String run = SampleBatch.newRun();
			agent = new Agent(node, run, interval, spool, connection,
					new Backoff(properties.retryInitial(), properties.retryMax(), ThreadLocalRandom.current()),
					properties.batchSize(), LogFactory.getLog(Agent.class));
			health = new HealthFile(properties.healthFile(), spool, logger);
			sampler = new Sampler(ProbeFactory.create(environment), (event) -> agent.accept((Sample) event), Clock.systemUTC());
			logger.info("statwall agent '" + node + "' (run " + run + ") samples every " + interval + " ms and sends to "
					+ connection.address() + "; its spool holds " + spool.capacity() + " samples");
		}
		catch (RuntimeException ex) {
			Launcher.exit("agent", ex);
			return;
		}
		Thread sender = new Thread(agent, "statwall-sender");
		sender.start();
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "statwall-scheduler");
			thread.setDaemon(true);
			return thread;
		});
		scheduler.scheduleAtFixedRate(sampler::sampleLater, 0, interval, TimeUnit.MILLISECONDS);
		scheduler.scheduleAtFixedRate(health::write, 0, 5, TimeUnit.SECONDS);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			scheduler.shutdownNow();
			sampler.destroy();
			agent.stop();
			try {
				sender.join(2_000); // a last chance to deliver the spool while the hub answers
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			sender.interrupt();
		}, "statwall-shutdown"));
	}

}
