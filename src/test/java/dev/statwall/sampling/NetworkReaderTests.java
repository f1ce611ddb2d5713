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
	void whenLoopbackIsIncludedThenBytesSentOverItAreCountedInItsLineAndTheTotal() throws Exception {
		OshiProbe probe = Probes.linux(ProbeSettings.defaults()
			.withNetwork(new NetworkProperties(NetworkProperties.defaults().excludeFromTotal(), List.of("lo"))));
		assertThat(Probes.names(probe)).contains("net.lo.rx", "net.lo.tx", "net.lo.rx_packets", "net.lo.errors",
				"net.lo.drops", "net.rx", "net.tx");
		// other programs may use loopback at the same time: one of three tries must be clean
		AssertionError last = null;
		for (int attempt = 0; attempt < 3; attempt++) {
			long start = System.nanoTime();
			probe.read();
			sendOverLoopback(BYTES);
			Thread.sleep(100);
			long elapsed = System.nanoTime() - start;
			Reading reading = probe.read();
			double seconds = elapsed / 1e9;
			try {
				assertThat(reading.value("net.lo.rx") * seconds).isBetween(BYTES * 0.95, BYTES * 1.05);
				assertThat(reading.value("net.lo.tx") * seconds).isBetween(BYTES * 0.95, BYTES * 1.05);
				assertThat(reading.value("net.rx") * seconds).isGreaterThanOrEqualTo(BYTES * 0.95);
				assertThat(reading.value("net.lo.rx_packets")).isPositive();
				return;
			}
			catch (AssertionError ex) {
				last = ex;
			}
		}
		throw last;
	}

	@Test
	void whenLoopbackIsExcludedByDefaultThenTheTotalLeavesItOut() throws Exception {
		OshiProbe probe = Probes.linux();
		long start = System.nanoTime();
		probe.read();
		sendOverLoopback(BYTES);
		long elapsed = System.nanoTime() - start;
		Reading reading = probe.read();
		double seconds = elapsed / 1e9;
		assertThat(reading.value("net.lo.rx") * seconds).isGreaterThanOrEqualTo(BYTES * 0.95);
		assertThat(reading.value("net.rx") * seconds).isLessThan(BYTES * 0.5);
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
