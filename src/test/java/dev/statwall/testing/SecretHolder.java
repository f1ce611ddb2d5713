package dev.statwall.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real process with secrets on its command line, in every form a program takes them. It sleeps,
 * so a test lists it through a large top table ({@code statwall.sampling.processes.top=1000}).
 */
public final class SecretHolder implements AutoCloseable {

	/** The hub token of the node that reads it: masked even as a bare value. */
	public static final String TOKEN = "sw-t1";

	/** Short, so the whole command line fits the table's 200 characters. */
	public static final List<String> ARGUMENTS = List.of("--statwall.hub.token=" + TOKEN, "--password", "sw-p2",
			"-Djavax.net.ssl.keyStorePassword=sw-k3", "PGPASSWORD=sw-g4", "--aws-secret-access-key", "sw-a5",
			"https://u:sw-u6@h/", TOKEN);

	public static final List<String> SECRETS = List.of(TOKEN, "sw-p2", "sw-k3", "sw-g4", "sw-a5", "sw-u6");

	/** What the command column shows in masked mode, piece by piece. */
	public static final List<String> MASKED = List.of("--statwall.hub.token=***", "--password ***",
			"-Djavax.net.ssl.keyStorePassword=***", "PGPASSWORD=***", "--aws-secret-access-key ***", "https://u:***@h/ ***");

	private final Process process;

	private SecretHolder(Process process) {
		this.process = process;
	}

	/** {@code bash -c 'sleep 600&wait' sw <arguments>}: bash keeps them as its own argv. */
	public static SecretHolder start() throws Exception {
		List<String> command = new ArrayList<>(List.of("/bin/bash", "-c", "sleep 600&wait", "sw"));
		command.addAll(ARGUMENTS);
		return new SecretHolder(new ProcessBuilder(command).start());
	}

	public long pid() {
		return this.process.pid();
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(5, TimeUnit.SECONDS);
	}

}
