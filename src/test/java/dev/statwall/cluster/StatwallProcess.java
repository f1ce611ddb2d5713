package dev.statwall.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The built jar started as a real process, as an operator would start it, with its output in a
 * file under {@code target/it/} for when a test fails.
 */
final class StatwallProcess {

	/** The agent's JVM flags, read from deploy/statwall-agent.service: tests run agents as they are deployed. */
	static final List<String> AGENT_FLAGS = agentFlags();

	static final Path JAR = Path.of(System.getProperty("statwall.jar", "target/statwall-0.1.0-SNAPSHOT.jar"));

	private final String name;

	private final List<String> command;

	private final Path log;

	private Process process;

	private int starts;

	StatwallProcess(String name, List<String> jvmFlags, List<String> arguments) {
		this.name = name;
		this.command = new ArrayList<>();
		this.command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		this.command.addAll(jvmFlags);
		this.command.add("-jar");
		this.command.add(JAR.toAbsolutePath().toString());
		this.command.addAll(arguments);
		this.log = Path.of("target", "it", name + ".log");
	}

	private static List<String> agentFlags() {
		try {
			java.util.regex.Matcher flags = java.util.regex.Pattern.compile("(?m)^Environment=\"JAVA_OPTS=(.*)\"$")
				.matcher(Files.readString(Path.of("deploy", "statwall-agent.service")));
			if (!flags.find()) {
				throw new IllegalStateException("no JAVA_OPTS in deploy/statwall-agent.service");
			}
			return List.of(flags.group(1).trim().split("\\s+"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	StatwallProcess start() throws IOException {
		if (!Files.isRegularFile(JAR)) {
			throw new IllegalStateException(JAR + " is missing: integration tests run after 'package' (./mvnw verify)");
		}
		Files.createDirectories(this.log.getParent());
		ProcessBuilder builder = new ProcessBuilder(this.command).redirectErrorStream(true);
		builder.redirectOutput((this.starts++ == 0) ? ProcessBuilder.Redirect.to(this.log.toFile())
				: ProcessBuilder.Redirect.appendTo(this.log.toFile()));
		this.process = builder.start();
		return this;
	}

	/** SIGKILL: no shutdown hook, no last words, as when a machine loses power. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
	}

	/** SIGTERM, and waits for a graceful stop. */
	void stop() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

	boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	String output() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			return "(no output: " + ex.getMessage() + ")";
		}
	}

	String name() {
		return this.name;
	}

	long pid() {
		return this.process.pid();
	}

}
