package dev.statwall.simulator;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import dev.statwall.agent.AgentProperties;
import dev.statwall.agent.Delivery;
import dev.statwall.agent.DeliveryContract;
import dev.statwall.agent.HubClientProperties;
import dev.statwall.testing.RecordingLog;
import dev.statwall.testing.ScriptedHub;

/** One simulated node, sampling every 20 ms, through the same delivery contract as the agent. */
class SimulatorDeliveryTests extends DeliveryContract {

	@Override
	protected Sender start(URI hub, AgentProperties settings, RecordingLog log) {
		SimulatorProperties properties = new SimulatorProperties(false, 1, Duration.ofMillis(20), 0, Duration.ofHours(1),
				42, 1, 0, "monitor.cpu_stats");
		Simulator simulator = new Simulator(properties, settings, new HubClientProperties(hub, ScriptedHub.TOKEN, null), log);
		simulator.start();
		Delivery delivery = Objects.requireNonNull(simulator.delivery("sim-001"));
		return new Sender() {

			@Override
			public Delivery delivery() {
				return delivery;
			}

			@Override
			public void close() {
				simulator.close();
			}

		};
	}

}
