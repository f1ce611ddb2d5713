package dev.statwall.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;

import org.apache.commons.logging.Log;

/** An agent's sender for tests that drive one in this JVM: the same delivery an agent process runs. */
final class TestAgents {

	private TestAgents() {
	}

	static Agent agent(String node, String run, long intervalMillis, int spoolSize, HubConnection hub,
			Duration retryInitial, Duration retryMax, long seed, int batchSize, Log log) {
		AgentProperties settings = new AgentProperties(spoolSize, batchSize, retryInitial, retryMax,
				Duration.ofSeconds(5), Path.of("/tmp/statwall-test-agent.health"));
		return new Agent(new Delivery(node, run, intervalMillis, settings, new SplittableRandom(seed),
				DeliveryLog.of(log)), hub);
	}

}
