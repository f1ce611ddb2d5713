package dev.statwall.hub;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.statwall.testing.StatwallProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A hub with a small heap, in a process of its own, takes nodes that report as many new metric
 * names as it allows (and then some, refused), is scraped by Prometheus meanwhile, and forgets
 * them: its heap after a full GC goes back near where it started. Whatever a node brings in,
 * including what is kept by metric name, goes with it.
 */
class ForgottenNodeHeapIT {

	private static final String TOKEN = "heap-token";

	private static final int NODES = 8;

	private static final int METRICS = 5_000;

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void whenNodesFullOfMetricNamesAreForgottenThenTheHeapGoesBackNearItsStart() throws Exception {
		int port = StatwallProcess.freePort();
		try (StatwallProcess hub = StatwallProcess.server("heap-hub", List.of("-Xmx128m", "-XX:TieredStopAtLevel=1"), port,
				arguments().toArray(String[]::new))) {
			hub.start();
			hub.awaitHealthy(Duration.ofSeconds(180));
			post(hub, "warm-up", 0, 200, 1); // every code path once: what is loaded stays
			scrape(hub);
			forget(hub, "warm-up");
			long start = heapAfterGc(hub);
			for (int n = 0; n < NODES; n++) {
				String node = "greedy-" + n;
				for (int batch = 0; batch < METRICS / 500; batch++) {
					assertThat(post(hub, node, batch * 500, 500, batch + 1)).as(node + " batch " + batch).isEqualTo(200);
				}
				assertThat(post(hub, node, METRICS, 1, METRICS / 500 + 1)).as("one metric more than the limit")
					.isEqualTo(400);
				for (int sample = 0; sample < 8; sample++) {
					// every metric again, half a batch at a time (a batch holds at most 4,096): rows, not only names
					int half = METRICS / 2;
					assertThat(post(hub, node, (sample % 2) * half, half, METRICS / 500 + 2 + sample)).isEqualTo(200);
				}
				scrape(hub);
			}
			long full = heapAfterGc(hub);
			for (int n = 0; n < NODES; n++) {
				forget(hub, "greedy-" + n);
			}
			scrape(hub);
			long end = heapAfterGc(hub);
			System.out.printf("heap after GC: %d KB at start, %d KB with %d nodes of %d metrics, %d KB forgotten%n",
					start / 1024, full / 1024, NODES, METRICS, end / 1024);
			assertThat(full - start).as("the nodes took memory (else this test proves nothing)")
				.isGreaterThan(8L * 1024 * 1024);
			assertThat(end).as("heap after forgetting, against %d KB at start and %d KB full", start / 1024, full / 1024)
				.isLessThan(start + Math.max(4L * 1024 * 1024, (full - start) / 5));
		}
	}

	/** One sample of {@code count} metrics named after the node, from {@code first} on; the status. */
	private static int post(StatwallProcess hub, String node, int first, int count, int seq) throws Exception {
		StringBuilder values = new StringBuilder();
		for (int i = first; i < first + count; i++) {
			values.append(values.isEmpty() ? "" : ",")
				.append("\"app.").append(node).append(".request.handler.").append(i).append(".latency\":[").append(i)
				.append(']');
		}
		long now = System.currentTimeMillis() - 60_000 + seq * 1000L; // one second apart, in the past
		String body = "{\"version\":1,\"node\":\"" + node + "\",\"run\":\"r-" + node + "\",\"interval\":1000,\"dropped\":0,"
				+ "\"seq\":[" + seq + "],\"time\":[" + now + "],\"values\":{" + values + "},\"texts\":{},\"tables\":{}}";
		HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(hub.url("/api/v1/ingest")))
			.header("Authorization", "Bearer " + TOKEN)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (answer.statusCode() != 200) {
			System.out.println(node + " batch " + seq + ": " + answer.statusCode() + " " + answer.body());
		}
		return answer.statusCode();
	}

	private static void scrape(StatwallProcess hub) throws IOException {
		assertThat(hub.get("/actuator/prometheus").statusCode()).isEqualTo(200);
	}

	/** Forgets a node once it is offline. */
	private static void forget(StatwallProcess hub, String node) {
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> HTTP
			.send(HttpRequest.newBuilder(URI.create(hub.url("/api/v1/nodes/" + node)))
				.header("Authorization", "Bearer " + TOKEN)
				.DELETE()
				.build(), HttpResponse.BodyHandlers.ofString())
			.statusCode() == 204);
	}

	/** The heap in use after a full GC, as the JVM reports it to jcmd. */
	private static long heapAfterGc(StatwallProcess hub) throws Exception {
		Path jcmd = StatwallProcess.thisJdk().resolve("bin").resolve("jcmd");
		run(jcmd.toString(), Long.toString(hub.pid()), "GC.run");
		String info = run(jcmd.toString(), Long.toString(hub.pid()), "GC.heap_info");
		Matcher used = Pattern.compile("total \\d+K, used (\\d+)K").matcher(info);
		assertThat(used.find()).as(info).isTrue();
		return Long.parseLong(used.group(1)) * 1024;
	}

	private static String run(String... command) throws Exception {
		Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

	static List<String> arguments() {
		return new ArrayList<>(List.of("--statwall.role=hub", "--statwall.hub.token=" + TOKEN,
				"--statwall.hub.sample-self=false", "--statwall.hub.stale-after=1s", "--statwall.hub.offline-after=2s",
				"--statwall.hub.max-metrics=" + METRICS));
	}

}
