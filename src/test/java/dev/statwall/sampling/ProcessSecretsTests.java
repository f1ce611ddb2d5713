package dev.statwall.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.statwall.sampling.ProcessProperties.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** A real process with secrets on its command line, read by the real probe in each mode. */
class ProcessSecretsTests {

	/** Every form at once; the process sleeps, so only a large top table is sure to list it. */
	static final List<String> SECRET_ARGUMENTS = List.of("--statwall.hub.token=sw-t1", "--password", "sw-p2",
			"-Djavax.net.ssl.keyStorePassword=sw-k3", "PGPASSWORD=sw-g4", "--aws-secret-access-key", "sw-a5",
			"https://u:sw-u6@h/", "sw-t1");

	/** The hub token of the node that runs it. */
	static final String TOKEN = "sw-t1";

	static final List<String> SECRETS = List.of(TOKEN, "sw-p2", "sw-k3", "sw-g4", "sw-a5", "sw-u6");

	private Process process;

	/** {@code bash -c 'sleep 600 & wait' secret-holder <arguments>}: bash keeps them as its own argv. */
	static Process startSecretHolder() throws Exception {
		List<String> command = new ArrayList<>(List.of("/bin/bash", "-c", "sleep 600&wait", "sw"));
		command.addAll(SECRET_ARGUMENTS);
		return new ProcessBuilder(command).start();
	}

	@AfterEach
	void stop() throws InterruptedException {
		if (this.process != null) {
			this.process.destroyForcibly();
			this.process.waitFor(5, TimeUnit.SECONDS);
		}
	}

	@Test
	void whenAProcessHasSecretsOnItsCommandLineThenTheTableShowsStarsInTheirPlace() throws Exception {
		this.process = startSecretHolder();
		String command = command(CommandLine.MASKED);
		assertThat(command).contains("--statwall.hub.token=***", "--password ***", "-Djavax.net.ssl.keyStorePassword=***",
				"PGPASSWORD=***", "--aws-secret-access-key ***", "https://u:***@h/ ***");
		assertThat(command).as("no secret survives").doesNotContain(SECRETS);
	}

	@Test
	void whenTheCommandLineIsFullThenOnlyTheOwnTokenIsMaskedAndWhenHiddenNothingShows() throws Exception {
		this.process = startSecretHolder();
		String full = command(CommandLine.FULL);
		assertThat(full).contains("--password sw-p2", "PGPASSWORD=sw-g4").doesNotContain(TOKEN);
		assertThat(command(CommandLine.HIDDEN)).isEmpty();
	}

	private String command(CommandLine mode) {
		OshiProbe probe = Probes.linux(new ProbeSettings(NetworkProperties.defaults(), FileSystemProperties.defaults(),
				new ProcessProperties(1000, mode), DiscoveryProperties.DEFAULT_INTERVAL, List.of(TOKEN)));
		String pid = Long.toString(this.process.pid());
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < deadline) {
			List<Object> row = probe.read().tables().get("processes.top").rows().get(pid);
			if (row != null && !((String) row.get(1)).isEmpty()) {
				return (String) row.get(5);
			}
		}
		throw new AssertionError("process " + pid + " never showed in the table");
	}

}
