package dev.statwall.sampling;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkReaderTests {

	private static final long BYTES = 50L * 1024 * 1024;

	@Test
	void whenBytesGoOverLoopbackThenItsCountersCountThemAndItsRateIsTheirIncreaseOverTime() throws Exception {
		OshiProbe probe = Probes.linux(ProbeSettings.defaults()
			.withNetwork(new NetworkProperties(NetworkProperties.defaults().excludeFromTotal(), List.of("lo"))));
		assertThat(Probes.names(probe)).contains("net.lo.rx", "net.lo.tx", "net.lo.rx_packets", "net.lo.errors",
				"net.lo.drops", "net.rx", "net.tx", "net.lo.rx_bytes_total", "net.lo.tx_bytes_total",
				"net.lo.rx_packets_total", "net.lo.tx_packets_total", "net.lo.rx_errors_total",
				"net.lo.tx_errors_total", "net.lo.rx_drops_total", "net.lo.tx_drops_total");
		long started = System.nanoTime();
		Reading before = probe.read();
		long startedAfter = System.nanoTime();
		sendOverLoopback(BYTES);
		long ended = System.nanoTime();
		Reading after = probe.read();
		long endedAfter = System.nanoTime();
		// other programs may use loopback too: they can only add to what the counters saw
		double received = after.value("net.lo.rx_bytes_total") - before.value("net.lo.rx_bytes_total");
		double sent = after.value("net.lo.tx_bytes_total") - before.value("net.lo.tx_bytes_total");
		assertThat(received).isGreaterThanOrEqualTo(BYTES);
		assertThat(sent).isGreaterThanOrEqualTo(BYTES);
		assertThat(after.value("net.lo.rx_packets_total") - before.value("net.lo.rx_packets_total")).isPositive();
		// the rate is the counter's increase over the reads' interval, which lies between these two
		double longest = (endedAfter - started) / 1e9;
		double shortest = (ended - startedAfter) / 1e9;
		assertThat(after.value("net.lo.rx")).isBetween(received / longest - 0.1, received / shortest + 0.1);
		assertThat(after.value("net.lo.tx")).isBetween(sent / longest - 0.1, sent / shortest + 0.1);
		assertThat(after.value("net.rx")).as("loopback is counted in the total").isGreaterThanOrEqualTo(after.value("net.lo.rx"));
	}

	@Test
	void whenLoopbackIsExcludedByDefaultThenTheTotalLeavesItOut() throws Exception {
		OshiProbe probe = Probes.linux();
		probe.read();
		sendOverLoopback(BYTES);
		Reading reading = probe.read();
		assertThat(reading.value("net.lo.rx")).as("loopback's own line counts it").isPositive();
		double others = 0;
		int interfaces = 0;
		for (String name : Probes.names(probe)) {
			if (name.matches("net\\.(.+)\\.rx") && !name.equals("net.lo.rx")) {
				double rate = reading.value(name);
				others += Double.isNaN(rate) ? 0 : rate;
				interfaces++;
			}
		}
		// at most the other interfaces' traffic, each rounded to a tenth: loopback's 50 MB are not in it
		assertThat(reading.value("net.rx")).isLessThanOrEqualTo(others + 0.1 * interfaces);
	}

	@Test
	void whenPatternsAreGlobsThenIncludeAndExcludeMatchNames() {
		var excluded = Glob.anyOf(NetworkProperties.defaults().excludeFromTotal());
		assertThat(excluded).accepts("lo", "docker0", "veth1a2b3c", "br-0f1e2d", "virbr0", "cni0", "flannel.1",
				"cali123", "tun0", "tap1");
		assertThat(excluded).rejects("eth0", "enp3s0", "wlan0", "ens5", "bond0");
		assertThat(Glob.anyOf(List.of())).rejects("lo");
		assertThat(Glob.anyOf(List.of("en?0"))).accepts("enx0").rejects("en0", "enxx0");
	}

	/** Sends {@code bytes} to a local server and returns once the server has read them all. */
	private static void sendOverLoopback(long bytes) throws Exception {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			CompletableFuture<Long> received = CompletableFuture.supplyAsync(() -> {
				try (Socket socket = server.accept(); InputStream in = socket.getInputStream()) {
					byte[] buffer = new byte[256 * 1024];
					long total = 0;
					int read;
					while ((read = in.read(buffer)) > 0) {
						total += read;
					}
					return total;
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			});
			try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
					OutputStream out = socket.getOutputStream()) {
				byte[] chunk = new byte[256 * 1024];
				for (long sent = 0; sent < bytes; sent += chunk.length) {
					out.write(chunk, 0, (int) Math.min(chunk.length, bytes - sent));
				}
			}
			assertThat(received.get(10, TimeUnit.SECONDS)).isEqualTo(bytes);
		}
	}

}
