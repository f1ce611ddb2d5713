package dev.statwall.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.statwall.testing.StatwallProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two agent processes started exactly the same way, by the same unit on twin machines, lose the
 * hub at the same moment: their full-jitter backoff must draw different waits, or they would
 * retry in lockstep. This needs two JVMs: a random source shared by mistake across threads draws
 * from a seed every JVM shares, which two threads of one JVM do not show.
 */
class AgentBackoffIT {

	private static final Pattern RETRY = Pattern.compile("retry (\\d+) in (\\d+) ms");

	private static final int RETRIES = 8;

	@Test
	void whenTwoAgentsStartedTheSameWayLoseTheHubThenTheyWaitForDifferentTimes() throws Exception {
		String[] arguments = { "--statwall.role=agent",
				"--statwall.hub.url=http://127.0.0.1:" + StatwallProcess.freePort(), // nobody listens there
				"--statwall.hub.token=twins", "--statwall.node-name=twin", "--statwall.sampling.interval=250ms",
				"--statwall.agent.retry-initial=100ms", "--statwall.agent.retry-max=400ms",
				"--logging.level.dev.statwall.agent=DEBUG" };
		try (StatwallProcess first = StatwallProcess.headless("twin-1", StatwallProcess.AGENT_FLAGS, arguments).start();
				StatwallProcess second = StatwallProcess.headless("twin-2", StatwallProcess.AGENT_FLAGS, arguments)
					.start()) {
			List<Long> firstWaits = waits(first);
			List<Long> secondWaits = waits(second);
			assertThat(firstWaits).as("waits of the first agent").hasSize(RETRIES);
			assertThat(secondWaits).as("waits of its twin").hasSize(RETRIES).isNotEqualTo(firstWaits);
			assertThat(first.output()).containsOnlyOnce("cannot be reached");
		}
	}

	/** The first waits the agent logged, in order. */
	private static List<Long> waits(StatwallProcess agent) {
		Pattern last = Pattern.compile("retry " + RETRIES + " in \\d+ ms");
		Matcher retries = RETRY.matcher(agent.awaitOutput(last, Duration.ofSeconds(60)));
		List<Long> waits = new ArrayList<>();
		while (retries.find() && waits.size() < RETRIES) {
			waits.add(Long.parseLong(retries.group(2)));
		}
		return waits;
	}

}
