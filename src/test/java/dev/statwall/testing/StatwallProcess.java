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

import org.junit.jupiter.api.Assumptions;

/**
 * The packaged jar started as a real process, the way people run it. Its output goes to a file
 * under {@code target/} so a failing test can be read afterwards.
 */
public final class StatwallProcess implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Process process;

	private final int port;

	private final Path log;

	private StatwallProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/** Starts the jar with {@code java} from {@code javaHome} and waits until it is healthy. */
	public static StatwallProcess start(Path javaHome, int port, String name, String... arguments)
			throws IOException, InterruptedException {
		Path jar = Path.of(System.getProperty("statwall.jar", "target/statwall-0.1.0-SNAPSHOT.jar"));
		Assumptions.assumeTrue(Files.isRegularFile(jar), "the packaged jar " + jar + " is built by ./mvnw verify");
		List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString(), "-Xmx256m",
				"-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--server.port=" + port));
		command.addAll(List.of(arguments));
		if (command.stream().noneMatch((argument) -> argument.startsWith("--statwall.data-dir"))) {
			// a history of its own, under target/: nothing carries over between runs
			command.add("--statwall.data-dir=" + dataDir(name));
		}
		Path log = Path.of("target", "it-" + name + ".log");
		Files.createDirectories(log.getParent());
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		StatwallProcess started = new StatwallProcess(process, port, log);
		started.awaitHealthy(Duration.ofSeconds(60));
		return started;
	}

	/** A fresh data directory under {@code target/}, for a process, or for two that share one. */
	public static Path dataDir(String name) throws IOException {
		Path directory = Path.of("target", "it-data", name + "-" + System.nanoTime());
		Files.createDirectories(directory);
		return directory;
	}

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	public int port() {
		return this.port;
	}

	public String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(5)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("statwall exited with " + this.process.exitValue() + "; see " + this.log
						+ ":\n" + tail());
			}
			try {
				if (get("/actuator/health").body().contains("\"UP\"")) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("statwall was not healthy within " + timeout + "; see " + this.log + ":\n" + tail());
	}

	public String tail() throws IOException {
		List<String> lines = Files.readAllLines(this.log);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	/** Stops it the hard way, as a crash or a pulled plug would. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly().waitFor();
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(Duration.ofSeconds(10).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
			kill();
		}
	}

}
