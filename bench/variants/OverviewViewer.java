import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One overview viewer over STOMP, as a browser subscribes: counts the bytes of the MESSAGE frames it
 * receives (STOMP headers and body, as they cross the WebSocket before any permessage-deflate).
 * usage: java bench/variants/OverviewViewer.java ws://127.0.0.1:8080/ws DESTINATION QUERY SECONDS
 * prints: messages=… bytes_per_second=… avg_message=… tiles_in_last=…
 */
public class OverviewViewer {

	public static void main(String[] args) throws Exception {
		String url = args[0];
		String destination = args[1];
		String query = args[2];
		int seconds = Integer.parseInt(args[3]);
		AtomicLong messages = new AtomicLong();
		AtomicLong bytes = new AtomicLong();
		StringBuilder last = new StringBuilder();
		StringBuilder partial = new StringBuilder();
		long[] window = new long[1];
		WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), new WebSocket.Listener() {
			@Override
			public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean lastPart) {
				partial.append(data);
				if (lastPart) {
					String frame = partial.toString();
					partial.setLength(0);
					if (frame.startsWith("MESSAGE") && window[0] != 0 && System.nanoTime() >= window[0]) {
						messages.incrementAndGet();
						bytes.addAndGet(frame.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
						last.setLength(0);
						last.append(frame);
					}
				}
				ws.request(1);
				return null;
			}
		}).join();
		socket.sendText("CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:0,0\n\n\0", true).join();
		String headers = "SUBSCRIBE\nid:sub-0\ndestination:" + destination + "\n"
				+ (query.isEmpty() ? "" : "query:" + query + "\n") + "\n\0";
		socket.sendText(headers, true).join();
		Thread.sleep(3000); // the first messages and the JIT settle
		window[0] = System.nanoTime();
		long start = System.nanoTime();
		Thread.sleep(seconds * 1000L);
		double elapsed = (System.nanoTime() - start) / 1e9;
		long n = messages.get();
		long b = bytes.get();
		String frame = last.toString();
		int tiles = frame.isEmpty() ? 0 : frame.split("\\[\"(online|stale|offline)\"", -1).length - 1;
		System.out.printf("messages=%d bytes_per_second=%.0f avg_message=%.0f tiles_in_last=%d%n", n, b / elapsed,
				n > 0 ? (double) b / n : 0, tiles);
		socket.sendText("DISCONNECT\n\n\0", true);
		System.exit(0);
	}

}
