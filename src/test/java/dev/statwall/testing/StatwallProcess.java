package dev.statwall.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The packaged jar started as a real process, the way operators run it: a hub, an agent, a
 * standalone node, on the JDK a test names. It can be killed (SIGKILL, as a power cut), stopped
 * (SIGTERM) and started again under the same name; its output goes to {@code target/it/<name>.log},
 * appended across restarts, so a failing test can be read afterwards. Every wait has a deadline and
 * fails at once, with the output's tail, if the process dies.
 */
public final class StatwallProcess implements AutoCloseable {

	/** The jar {@code ./mvnw verify} packages before the integration tests run. */
	public static final Path JAR = Path.of(System.getProperty("statwall.jar", "target/statwall-0.1.0-SNAPSHOT.jar"));

	/** The agent's JVM flags, read from deploy/statwall-agent.service: tests run agents as they are deployed. */
	public static final List<String> AGENT_FLAGS = agentFlags();

	/** Flags for a hub or a standalone node in a test: a bounded heap, quick start-up. */
	public static final List<String> SERVER_FLAGS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1");

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final List<String> command;

	private final Path log;

	private final int port;

	private @Nullable Process process;

	private int starts;

	private StatwallProcess(String name, Path javaHome, List<String> jvmFlags, int port, List<String> arguments) {
		this.name = name;
		this.port = port;
		this.command = new ArrayList<>();
		this.command.add(javaHome.resolve("bin").resolve("java").toString());
		this.command.addAll(jvmFlags);
		this.command.add("-jar");
		this.command.add(JAR.toAbsolutePath().toString());
		if (port > 0) {
			this.command.add("--server.port=" + port);
		}
		this.command.addAll(arguments);
		if (port > 0 && arguments.stream().noneMatch((argument) -> argument.startsWith("--statwall.data-dir"))) {
			// a history of its own under target/, kept across restarts of this process, new for the next test
			this.command.add("--statwall.data-dir=" + dataDir(name));
		}
		this.log = Path.of("target", "it", name + ".log");
	}

	/** A process with a web server (standalone or hub) on {@code port}, not started yet. */
	public static StatwallProcess server(String name, Path javaHome, int port, String... arguments) {
		return new StatwallProcess(name, javaHome, SERVER_FLAGS, port, List.of(arguments));
	}

	/** A process with a web server on this JDK with the given JVM flags, not started yet. */
	public static StatwallProcess server(String name, List<String> jvmFlags, int port, String... arguments) {
		return new StatwallProcess(name, thisJdk(), jvmFlags, port, List.of(arguments));
	}

	/** A process without a web server (agent, simulator) with the given JVM flags, not started yet. */
	public static StatwallProcess headless(String name, List<String> jvmFlags, String... arguments) {
		return new StatwallProcess(name, thisJdk(), jvmFlags, 0, List.of(arguments));
	}

	/** Starts a web server role on {@code javaHome} and waits until it is healthy. */
	public static StatwallProcess startHealthy(Path javaHome, int port, String name, String... arguments)
			throws IOException {
		StatwallProcess process = server(name, javaHome, port, arguments).start();
		process.awaitHealthy(Duration.ofSeconds(90));
		return process;
	}

	/** The JDK running the tests. */
	public static Path thisJdk() {
		return Path.of(System.getProperty("java.home"));
	}

	/** A fresh data directory under {@code target/}, for a process, or for two that share one. */
	public static Path dataDir(String name) {
		Path directory = Path.of("target", "it-data", name + "-" + System.nanoTime()).toAbsolutePath();
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return directory;
	}

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static List<String> agentFlags() {
		try {
			Matcher flags = Pattern.compile("(?m)^Environment=\"JAVA_OPTS=(.*)\"$")
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

	/** Starts the process, or starts it again after a kill or a stop. */
	public StatwallProcess start() throws IOException {
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

	/** Waits until {@code /actuator/health} says UP; fails with the output if the process dies first. */
	public void awaitHealthy(Duration timeout) {
		awaitUntil(timeout, "healthy", () -> {
			try {
				return get("/actuator/health").body().contains("\"UP\"");
			}
			catch (IOException ex) {
				return false; // not listening yet
			}
		});
	}

	/** Waits until its output holds a match of {@code pattern}; returns the output then. */
	public String awaitOutput(Pattern pattern, Duration timeout) {
		awaitUntil(timeout, "output matching " + pattern, () -> pattern.matcher(output()).find());
		return output();
	}

	private void awaitUntil(Duration timeout, String what, Condition condition) {
		long deadline = System.nanoTime() + timeout.toNanos();
		try {
			while (System.nanoTime() < deadline) {
				if (condition.holds()) {
					return;
				}
				if (!isAlive()) {
					throw new IllegalStateException(this.name + " exited before it was " + what + "; see " + this.log
							+ ":\n" + tail());
				}
				Thread.sleep(200);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for " + this.name, ex);
		}
		throw new IllegalStateException(this.name + " was not " + what + " within " + timeout + "; see " + this.log
				+ ":\n" + tail());
	}

	/** Waits for the process to end by itself; fails with the output's tail if it is still running. */
	public Process awaitExit(Duration timeout) throws InterruptedException {
		Process process = running();
		if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new IllegalStateException(this.name + " still runs after " + timeout + "; see " + this.log + ":\n" + tail());
		}
		return process;
	}

	public int port() {
		return this.port;
	}

	public String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	public HttpResponse<String> get(String path) throws IOException {
		try {
			return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
	}

	/** Everything it printed, across restarts. */
	public String output() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			return "(no output: " + ex.getMessage() + ")";
		}
	}

	/** The last 40 lines it printed. */
	public String tail() {
		List<String> lines = output().lines().toList();
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	public String name() {
		return this.name;
	}

	public long pid() {
		return running().pid();
	}

	public boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	/** SIGKILL: no shutdown hook, no last words, as when a machine loses power. */
	public void kill() throws InterruptedException {
		running().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
	}

	/** SIGTERM, and waits for a graceful stop; SIGKILL after a minute. */
	public void stop() throws InterruptedException {
		Process process = running();
		process.destroy();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (isAlive()) {
			stop();
		}
	}

	private Process running() {
		Process process = this.process;
		if (process == null) {
			throw new IllegalStateException(this.name + " was never started");
		}
		return process;
	}

	@FunctionalInterface
	private interface Condition {

		boolean holds() throws InterruptedException;

	}

}
