package dev.statwall.role;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.statwall.testing.StatwallProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process that cannot do its job ends with a non-zero status, in every role, so systemd's
 * {@code Restart=} or a container's restart policy can act. The processes start together to keep
 * the test short.
 */
class FailedStartIT {

	/** The time from the report of a failed start to the end of the JVM. */
	private static final Duration EXIT_AFTER_FAILURE = Duration.ofSeconds(10);

	@Test
	void whenAProcessCannotStartThenItExitsWithANonZeroStatus() throws Exception {
		List<Started> started = new ArrayList<>();
		try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
			int port = taken.getLocalPort();
			Path notADirectory = Files.createTempFile("statwall-data", ".file");
			Pattern portTaken = Pattern.compile("Port " + port + " was already in use");
			started.add(server("hub-port-taken", port, portTaken, "--statwall.role=hub", "--statwall.hub.token=secret"));
			started.add(server("standalone-port-taken", port, portTaken));
			started.add(server("hub-data-dir-is-a-file", StatwallProcess.freePort(),
					Pattern.compile(Pattern.quote(notADirectory.toString())), "--statwall.role=hub",
					"--statwall.hub.token=secret", "--statwall.data-dir=" + notADirectory));
			started.add(server("standalone-config-unreadable", StatwallProcess.freePort(),
					Pattern.compile("/nonexistent/statwall.yml"), "--spring.config.import=file:/nonexistent/statwall.yml"));
			started.add(headless("agent-without-hub", "statwall.hub.url is not set", "--statwall.role=agent",
					"--statwall.node-name=agent-1"));
			started.add(headless("agent-invalid-name", "node name", "--statwall.role=agent",
					"--statwall.hub.url=http://127.0.0.1:9", "--statwall.hub.token=secret", "--statwall.node-name=<x>"));
			started.add(headless("simulator-invalid-url", "statwall.hub.url must be", "--statwall.role=simulator",
					"--statwall.hub.url=ftp://127.0.0.1:9", "--statwall.hub.token=secret"));
			for (Started one : started) {
				// a cold JVM on a loaded machine may take a while to get to the failure; the exit must follow it at once
				one.process().awaitOutput(one.failure(), Duration.ofSeconds(180));
				long reported = System.nanoTime();
				Process exited = one.process().awaitExit(EXIT_AFTER_FAILURE.plusSeconds(5));
				assertThat(Duration.ofNanos(System.nanoTime() - reported)).as(one.process().name() + " exits after its failure")
					.isLessThan(EXIT_AFTER_FAILURE);
				assertThat(exited.exitValue()).as(one.process().name() + "'s status").isNotZero();
			}
		}
		finally {
			for (Started one : started) {
				one.process().close();
			}
		}
	}

	private static Started server(String name, int port, Pattern failure, String... arguments) throws Exception {
		return new Started(StatwallProcess.server(name, StatwallProcess.thisJdk(), port, arguments).start(), failure);
	}

	private static Started headless(String name, String failure, String... arguments) throws Exception {
		return new Started(StatwallProcess.headless(name, StatwallProcess.AGENT_FLAGS, arguments).start(),
				Pattern.compile("cannot start: .*" + Pattern.quote(failure)));
	}

	private record Started(StatwallProcess process, Pattern failure) {
	}

}
