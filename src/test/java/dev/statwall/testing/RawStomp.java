package dev.statwall.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * A STOMP client that writes frames by hand, as an attacker's script would: whatever frame, header
 * or size it likes, no client library in between. Frames come back as text.
 */
public final class RawStomp implements WebSocket.Listener, AutoCloseable {

	private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();

	private final StringBuilder partial = new StringBuilder();

	private final CompletableFuture<Integer> closed = new CompletableFuture<>();

	private @Nullable WebSocket socket;

	private RawStomp() {
	}

	/** Opens {@code /ws} and sends CONNECT; returns once CONNECTED came back. */
	public static RawStomp connect(int port, HttpClient http, String... headers) throws Exception {
		RawStomp client = new RawStomp();
		WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		client.socket = builder.buildAsync(URI.create("ws://localhost:" + port + "/ws"), client).get(10, TimeUnit.SECONDS);
		client.send("CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:0,0\n\n\0");
		String connected = client.next();
		if (!connected.startsWith("CONNECTED")) {
			throw new IllegalStateException("expected CONNECTED, got " + connected);
		}
		return client;
	}

	public RawStomp send(String frames) {
		if (this.socket == null) {
			throw new IllegalStateException("not open");
		}
		this.socket.sendText(frames, true).join();
		return this;
	}

	/** The next frame from the server, waiting at most 10 s; heartbeats are skipped. */
	public String next() throws InterruptedException {
		String frame = this.frames.poll(10, TimeUnit.SECONDS);
		if (frame == null) {
			throw new AssertionError("no frame from the server within 10 s");
		}
		return frame;
	}

	public @Nullable String poll(Duration timeout) throws InterruptedException {
		return this.frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** The close status code once the server closed the connection, or -1 if it did not within 10 s. */
	public int awaitClosed() {
		try {
			return this.closed.get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			return -1;
		}
	}

	public boolean awaitClosedWithin(Duration timeout) {
		try {
			this.closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (Exception ex) {
			return false;
		}
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.partial.append(data);
		int end;
		while ((end = this.partial.indexOf("\0")) >= 0) {
			String frame = this.partial.substring(0, end).replaceFirst("^[\r\n]+", "");
			this.partial.delete(0, end + 1);
			if (!frame.isEmpty()) {
				this.frames.add(frame);
			}
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		this.closed.complete(statusCode);
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		this.closed.complete(1006);
	}

	@Override
	public void close() {
		if (this.socket != null && !this.socket.isOutputClosed()) {
			this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally((ex) -> null);
		}
		if (this.socket != null) {
			this.socket.abort();
		}
	}

	/**
	 * A WebSocket handshake to {@code /ws} written byte by byte, so the {@code Origin} (or any
	 * header) can hold anything at all; returns the HTTP status.
	 */
	public static int handshake(int port, byte[]... extraHeaderLines) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			ByteArrayOutputStream request = new ByteArrayOutputStream();
			request.writeBytes(("GET /ws HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\n"
					+ "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
					+ Base64.getEncoder().encodeToString("statwall-origin0".getBytes(StandardCharsets.US_ASCII))
					+ "\r\n").getBytes(StandardCharsets.US_ASCII));
			for (byte[] line : extraHeaderLines) {
				request.writeBytes(line);
				request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
			OutputStream out = socket.getOutputStream();
			out.write(request.toByteArray());
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder status = new StringBuilder();
			int b;
			while ((b = in.read()) >= 0 && b != '\n') {
				status.append((char) b);
			}
			String[] parts = status.toString().split(" ");
			if (parts.length < 2) {
				throw new IOException("no HTTP status line: '" + status + "'");
			}
			return Integer.parseInt(parts[1]);
		}
	}

	public static byte[] header(String name, String value) {
		return (name + ": " + value).getBytes(StandardCharsets.UTF_8);
	}

}
