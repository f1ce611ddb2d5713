import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the hub's ingest API that takes every batch and does nothing with it, so the
 * simulator can be measured at node counts the hub on the same small machine cannot take (5,000
 * and 10,000 at 1 s). Not part of statwall: a measuring tool for bench/simulator-cost.sh.
 *
 * usage: java bench/variants/IngestSink.java PORT
 */
public class IngestSink {

	public static void main(String[] args) throws Exception {
		System.setProperty("sun.net.httpserver.nodelay", "true");
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 4096);
		server.setExecutor(Executors.newFixedThreadPool(8));
		AtomicLong requests = new AtomicLong();
		AtomicLong bytes = new AtomicLong();
		byte[] taken = "{\"taken\":1,\"duplicates\":0,\"lastSeq\":0}".getBytes(StandardCharsets.UTF_8);
		server.createContext("/api/v1/ingest", (exchange) -> {
			try (InputStream in = exchange.getRequestBody()) {
				bytes.addAndGet(in.readAllBytes().length);
			}
			requests.incrementAndGet();
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, taken.length);
			exchange.getResponseBody().write(taken);
			exchange.close();
		});
		server.start();
		long last = 0;
		long lastBytes = 0;
		while (true) {
			Thread.sleep(10_000);
			long now = requests.get();
			long nowBytes = bytes.get();
			System.out.printf("sink: %d requests/s, %d bytes/request%n", (now - last) / 10,
					(now > last) ? (nowBytes - lastBytes) / (now - last) : 0);
			last = now;
			lastBytes = nowBytes;
		}
	}

}
