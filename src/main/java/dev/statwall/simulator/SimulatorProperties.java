package dev.statwall.simulator;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Synthetic agents, for demos and load tests. Checked in the constructor: the simulator role binds
 * it without an application context.
 *
 * @param enabled on a hub: run the simulator inside the hub, against the hub itself (one command demo)
 * @param nodes how many synthetic nodes, named {@code sim-001} and on
 * @param interval each node's sampling interval
 * @param flapping how many nodes now and then go silent and come back as a restarted agent
 * @param dieAfter when the one dying node stops for good
 * @param seed makes the load patterns repeatable
 * @param concurrency most requests in flight at once, over all nodes
 * @param latencyNodes simulator role: how many nodes' rows to watch over STOMP to measure the time
 * from a sample leaving the simulator to its row reaching a browser; 0 for none
 * @param latencyCard the card whose rows the latency watch subscribes to
 */
@ConfigurationProperties("statwall.simulator")
public record SimulatorProperties(@DefaultValue("false") boolean enabled, @DefaultValue("256") int nodes,
		@DefaultValue("1s") Duration interval, @DefaultValue("4") int flapping, @DefaultValue("60s") Duration dieAfter,
		@DefaultValue("42") long seed, @DefaultValue("64") int concurrency, @DefaultValue("0") int latencyNodes,
		@DefaultValue("monitor.cpu_stats") String latencyCard) {

	public SimulatorProperties {
		if (nodes < 1 || nodes > 100_000) {
			throw new IllegalArgumentException("statwall.simulator.nodes must be 1 to 100000, was " + nodes);
		}
		if (interval.toMillis() < 10) {
			throw new IllegalArgumentException("statwall.simulator.interval must be at least 10ms, was " + interval);
		}
		if (flapping < 0 || flapping >= nodes) {
			throw new IllegalArgumentException(
					"statwall.simulator.flapping must be 0 or more and fewer than the nodes, was " + flapping);
		}
		if (dieAfter.isNegative()) {
			throw new IllegalArgumentException("statwall.simulator.die-after must not be negative, was " + dieAfter);
		}
		if (concurrency < 1) {
			throw new IllegalArgumentException("statwall.simulator.concurrency must be 1 or more, was " + concurrency);
		}
		if (latencyNodes < 0 || latencyNodes > nodes) {
			throw new IllegalArgumentException("statwall.simulator.latency-nodes must be 0 to the number of nodes, was "
					+ latencyNodes);
		}
	}

}
