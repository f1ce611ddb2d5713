package dev.statwall.agent;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

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

	/** Milliseconds from the priming read to the first sample: rates over a shorter span are too coarse. */
	private static final long FIRST_SAMPLE_AFTER = 200;

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
			HubClientProperties hub = binder.bindOrCreate("statwall.hub", HubClientProperties.class);
			AgentProperties properties = binder.bindOrCreate("statwall.agent", AgentProperties.class);
			interval = binder.bindOrCreate("statwall.sampling", SamplingProperties.class).interval().toMillis();
			String node = NodeNames.require(binder.bindOrCreate("statwall", LocalNode.class).name());
			HubConnection connection = new HubConnection(hub, properties.timeout());
			agent = agent(node, interval, properties, connection);
			Delivery delivery = agent.delivery();
			health = new HealthFile(properties.healthFile(), delivery.capacity(), logger);
			sampler = new Sampler(ProbeFactory.create(environment), (event) -> agent.accept((Sample) event), Clock.systemUTC());
			logger.info("statwall agent '" + node + "' (run " + delivery.run() + ") samples every " + interval
					+ " ms and sends to " + connection.address() + "; its spool holds " + delivery.capacity() + " samples");
		}
		catch (RuntimeException ex) {
			Launcher.exit("agent", ex);
			return;
		}
		// the first sample a moment after the read that primes the rates, not an interval after it: a
		// new agent is on the hub's page about a second after it starts
		sampler.prime();
		long first = Math.min(interval, FIRST_SAMPLE_AFTER);
		Thread sender = new Thread(agent, "statwall-sender");
		sender.start();
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "statwall-scheduler");
			thread.setDaemon(true);
			return thread;
		});
		// kept so the shutdown hook can cancel them; each task catches what it can fail with
		List<ScheduledFuture<?>> tasks = List.of(
				scheduler.scheduleAtFixedRate(sampler::sampleLater, first, interval, TimeUnit.MILLISECONDS),
				scheduler.scheduleAtFixedRate(health::write, 0, 5, TimeUnit.SECONDS));
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			tasks.forEach((task) -> task.cancel(false));
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

	/**
	 * An agent's sender as {@link #run} makes it: a new run id, and a random source of its own for
	 * the backoff, so agents started the same way retry at different times.
	 */
	static Agent agent(String node, long intervalMillis, AgentProperties properties, HubConnection hub) {
		return agent(node, intervalMillis, properties, hub, LogFactory.getLog(Agent.class));
	}

	static Agent agent(String node, long intervalMillis, AgentProperties properties, HubConnection hub, Log log) {
		Delivery delivery = new Delivery(node, SampleBatch.newRun(), intervalMillis, properties, Backoff.randomFor(node),
				DeliveryLog.of(log));
		return new Agent(delivery, hub);
	}

}
