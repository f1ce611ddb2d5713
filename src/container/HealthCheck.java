import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The container image's HEALTHCHECK: asks the actuator of the statwall running in the
 * same container whether it is UP.
 *
 * <p>
 * The JRE base image has no promise of curl or wget, and {@code bash </dev/tcp} can only
 * tell that the port is open, not what the actuator answers. So the image carries this
 * class, compiled for Java 17 in the build stage (a JRE can't run a {@code .java} source
 * file: it has no compiler), and the Dockerfile runs it with a tiny heap.
 *
 * <p>
 * Healthy (exit 0) only when {@code GET /actuator/health} answers 200 with
 * {@code "status":"UP"}; anything else, a 503, a refused connection or a timeout, is
 * unhealthy (exit 1), as Docker's and podman's HEALTHCHECK expect.
 *
 * <p>
 * The URL is the first argument if given, else {@code STATWALL_HEALTHCHECK_URL}, else
 * {@code http://127.0.0.1:PORT/actuator/health} where PORT is {@code MANAGEMENT_SERVER_PORT},
 * {@code SERVER_PORT} or 8080, so a container started with another port (an agent on the
 * host's network, say) still checks the right one.
 */
public final class HealthCheck {

	private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

	private static final int READ_TIMEOUT_MILLIS = 4_000;

	private HealthCheck() {
	}

	public static void main(String[] args) {
		if (args.length == 0 && "agent".equalsIgnoreCase(strip(System.getenv("STATWALL_ROLE")))) {
			agent();
			return;
		}
		String url = (args.length > 0) ? args[0] : defaultUrl();
		try {
			HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
			connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
			connection.setReadTimeout(READ_TIMEOUT_MILLIS);
			connection.setRequestProperty("Accept", "application/json");
			int status = connection.getResponseCode();
			String body = read((status >= 400) ? connection.getErrorStream() : connection.getInputStream());
			boolean up = status == 200 && body.replace(" ", "").contains("\"status\":\"UP\"");
			System.out.println((up ? "healthy: " : "unhealthy: ") + url + " answered " + status + " " + body);
			System.exit(up ? 0 : 1);
		}
		catch (Exception ex) {
			System.out.println("unhealthy: " + url + ": " + ex);
			System.exit(1);
		}
	}

	/**
	 * An agent serves no HTTP: it rewrites a health file every 5 s while it samples
	 * (statwall.agent.health-file). Healthy when that file says UP and is at most 30 s old.
	 */
	private static void agent() {
		String configured = strip(System.getenv("STATWALL_AGENT_HEALTH_FILE"));
		java.nio.file.Path file = java.nio.file.Path.of(configured.isEmpty() ? "/tmp/statwall-agent.health" : configured);
		try {
			long age = System.currentTimeMillis() - java.nio.file.Files.getLastModifiedTime(file).toMillis();
			String body = java.nio.file.Files.readString(file);
			boolean up = age <= 30_000 && body.contains("\"status\":\"UP\"");
			System.out.println((up ? "healthy: " : "unhealthy: ") + file + " is " + (age / 1000) + " s old: " + body.strip());
			System.exit(up ? 0 : 1);
		}
		catch (Exception ex) {
			System.out.println("unhealthy: " + file + ": " + ex);
			System.exit(1);
		}
	}

	private static String strip(String value) {
		return (value != null) ? value.strip() : "";
	}

	private static String defaultUrl() {
		String explicit = System.getenv("STATWALL_HEALTHCHECK_URL");
		if (explicit != null && !explicit.isBlank()) {
			return explicit.strip();
		}
		String port = firstNonBlank(System.getenv("MANAGEMENT_SERVER_PORT"), System.getenv("SERVER_PORT"), "8080");
		return "http://127.0.0.1:" + port + "/actuator/health";
	}

	private static String firstNonBlank(String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value.strip();
			}
		}
		throw new IllegalStateException("no value");
	}

	private static String read(InputStream in) throws java.io.IOException {
		if (in == null) {
			return "";
		}
		try (in) {
			return new String(in.readNBytes(2_048), StandardCharsets.UTF_8);
		}
	}

}
