package dev.statwall.sampling;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.statwall.sampling.ProcessProperties.CommandLine;
import dev.statwall.testing.SecretHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** A real process with secrets on its command line, read by the real probe in each mode. */
class ProcessSecretsTests {

	private SecretHolder holder;

	@AfterEach
	void stop() throws InterruptedException {
		if (this.holder != null) {
			this.holder.close();
		}
	}

	@Test
	void whenAProcessHasSecretsOnItsCommandLineThenTheTableShowsStarsInTheirPlace() throws Exception {
		this.holder = SecretHolder.start();
		String command = command(CommandLine.MASKED);
		assertThat(command).contains(SecretHolder.MASKED);
		assertThat(command).as("no secret survives").doesNotContain(SecretHolder.SECRETS);
	}

	@Test
	void whenTheCommandLineIsFullThenOnlyTheOwnTokenIsMaskedAndWhenHiddenNothingShows() throws Exception {
		this.holder = SecretHolder.start();
		String full = command(CommandLine.FULL);
		assertThat(full).contains("--password sw-p2", "PGPASSWORD=sw-g4").doesNotContain(SecretHolder.TOKEN);
		assertThat(command(CommandLine.HIDDEN)).isEmpty();
	}

	private String command(CommandLine mode) {
		OshiProbe probe = Probes.linux(new ProbeSettings(NetworkProperties.defaults(), FileSystemProperties.defaults(),
				new ProcessProperties(1000, mode), DiscoveryProperties.DEFAULT_INTERVAL, List.of(SecretHolder.TOKEN)));
		String pid = Long.toString(this.holder.pid());
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
