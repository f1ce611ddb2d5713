package dev.statwall.agent;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.statwall.sampling.Reading;
import dev.statwall.sampling.Sample;
import dev.statwall.testing.RecordingLog;
import dev.statwall.testing.ScriptedHub;

/**
 * The agent's sender, made as {@code AgentMain} makes it, fed a sample every 20 ms as its sampler
 * would, through the delivery contract.
 */
class AgentDeliveryTests extends DeliveryContract {

	@Override
	protected Sender start(URI hub, AgentProperties settings, RecordingLog log) {
		HubConnection connection = new HubConnection(new HubClientProperties(hub, ScriptedHub.TOKEN, null), settings.timeout());
		Agent agent = AgentMain.agent("pi-07", 20, settings, connection, log);
		Thread thread = new Thread(agent, "test-sender");
		thread.start();
		AtomicLong seq = new AtomicLong();
		ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
		ScheduledFuture<?> sampling = sampler.scheduleAtFixedRate(() -> {
			long n = seq.incrementAndGet();
			agent.accept(new Sample(n, System.currentTimeMillis(),
					new Reading(Map.of("cpu.usage", (double) (n % 100), "memory.usage", 50.0), Map.of(), Map.of())));
		}, 0, 20, TimeUnit.MILLISECONDS);
		return new Sender() {

			@Override
			public Delivery delivery() {
				return agent.delivery();
			}

			@Override
			public void close() {
				sampling.cancel(false);
				sampler.shutdownNow();
				agent.stop();
				thread.interrupt();
				try {
					thread.join(10_000);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}

		};
	}

}
