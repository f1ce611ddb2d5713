package dev.statwall.hub;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.statwall.testing.FakeProbeConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hub on a real port against clients that mean harm, each bounded in number and time and on
 * loopback only: bodies sent a byte at a time, malformed headers of every kind, HTML in node names,
 * WebSocket clients that never read, node metrics whose Prometheus names collide. Tomcat has 50
 * threads here and sends through small socket buffers, so a fault that holds threads or a stuck
 * reader shows within seconds.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "statwall.role=hub", "statwall.hub.token=" + HostileClientsTests.TOKEN,
				"statwall.hub.sample-self=false", "statwall.sampling.interval=1h", "statwall.http.body-timeout=2s",
				"statwall.live.send-time-limit=3s", "statwall.live.send-buffer-size=512KB", "server.tomcat.threads.max=50" })
@Import({ FakeProbeConfiguration.class, HostileClientsTests.SmallSocketBuffers.class })
@ExtendWith(OutputCaptureExtension.class)
class HostileClientsTests {

	static final String TOKEN = "hostile-test-token";

	/** The overview's topic: a large message every second, whoever reads it. */
	/** Each viewer's own overview page: the tiles of its query, every second. */
	private static final String OVERVIEW = "/user/queue/overview";

	/** Each header and value goes to one kind of request in turn: the test stays under half a minute. */
	private static final int STRIDE = 11;

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@Test
	void whenManyClientsSendBodiesAByteAtATimeThenTheyAreCutOffAndPagesKeepAnswering() throws Exception {
		ingest("slow-victim", Map.of("cpu.usage", 10.0));
		int refused = 100;
		int slow = 20;
		List<Socket> sockets = new ArrayList<>();
		AtomicBoolean sending = new AtomicBoolean(true);
		try {
			for (int i = 0; i < refused + slow; i++) {
				Socket socket = new Socket();
				socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5_000);
				String authorization = (i < refused) ? "" : "Authorization: Bearer " + TOKEN + "\r\n";
				socket.getOutputStream()
					.write(("POST /api/v1/ingest HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
							+ authorization + "Content-Length: 1000000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
				sockets.add(socket);
			}
			Thread trickle = new Thread(() -> {
				while (sending.get()) {
					for (Socket socket : sockets) {
						try {
							socket.getOutputStream().write(' ');
						}
						catch (IOException ex) {
							// closed by the hub, as it should be
						}
					}
					try {
						Thread.sleep(200);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "trickle");
			trickle.start();
			// pages answer all along, while every slow body holds (or held) a connection
			long longest = 0;
			long end = System.nanoTime() + Duration.ofSeconds(8).toNanos();
			while (System.nanoTime() < end) {
				long start = System.nanoTime();
				HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(url("/")))
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.ofString());
				long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
				assertThat(page.statusCode()).isEqualTo(200);
				longest = Math.max(longest, took);
				Thread.sleep(250);
			}
			assertThat(longest).as("the longest a page took, in ms").isLessThan(1_000);
			for (int i = 0; i < sockets.size(); i++) {
				Answer answer = answer(sockets.get(i), Duration.ofSeconds(10));
				int expected = (i < refused) ? 401 : 408;
				assertThat(answer.status()).as("connection %d: %s", i, answer.head()).isEqualTo(expected);
				assertThat(answer.head()).as("connection %d", i).containsIgnoringCase("Connection: close");
				assertThat(answer.closed()).as("connection %d is closed by the hub", i).isTrue();
			}
			sending.set(false);
			trickle.join(5_000);
		}
		finally {
			sending.set(false);
			for (Socket socket : sockets) {
				socket.close();
			}
		}
	}

	@Test
	void whenARefusedRequestStillHasABodyToSendThenItsConnectionIsClosedWithoutReadingIt() throws Exception {
		for (String refusal : List.of("Authorization: Bearer wrong\r\nContent-Type: application/json\r\n",
				"Authorization: Bearer " + TOKEN + "\r\nContent-Type: text/plain\r\n")) {
			try (Socket socket = new Socket("127.0.0.1", this.port)) {
				// a body declared but never sent: the answer must not wait for it
				socket.getOutputStream()
					.write(("POST /api/v1/ingest HTTP/1.1\r\nHost: localhost\r\n" + refusal
							+ "Content-Length: 500000\r\n\r\n{\"version\":1").getBytes(StandardCharsets.US_ASCII));
				Answer answer = answer(socket, Duration.ofSeconds(10));
				assertThat(answer.status()).isIn(401, 415);
				assertThat(answer.head()).containsIgnoringCase("Connection: close");
				assertThat(answer.closed()).isTrue();
			}
		}
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.getOutputStream()
				.write(("POST /api/v1/ingest HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN
						+ "\r\nContent-Type: application/json\r\nContent-Length: 99000000\r\n\r\n{")
					.getBytes(StandardCharsets.US_ASCII));
			Answer answer = answer(socket, Duration.ofSeconds(10));
			assertThat(answer.status()).isEqualTo(413);
			assertThat(answer.head()).containsIgnoringCase("Connection: close");
			assertThat(answer.body()).contains("statwall.hub.max-body");
		}
	}

	@Test
	void whenHeadersHoldAnythingThenEveryAnswerIsA4xxOrBetterAndNothingIsLoggedAsAnError(CapturedOutput output)
			throws Exception {
		ingest("fuzz-node", Map.of("cpu.usage", 10.0));
		String batch = batch("fuzz-node", Map.of("cpu.usage", 11.0));
		Map<String, String> requests = new LinkedHashMap<>();
		requests.put("overview", "GET / HTTP/1.1");
		requests.put("overview fragment", "GET /?q=a&sort=cpu HTTP/1.1\r\nHX-Request: true");
		requests.put("node page", "GET /nodes/fuzz-node HTTP/1.1");
		requests.put("node card page", "GET /nodes/fuzz-node/monitor HTTP/1.1");
		requests.put("read API", "GET /api/v1/nodes/fuzz-node HTTP/1.1");
		requests.put("history API", "GET /api/v1/nodes/fuzz-node/history?metrics=cpu.usage HTTP/1.1");
		requests.put("alerts", "GET /alerts HTTP/1.1");
		requests.put("health", "GET /actuator/health HTTP/1.1");
		requests.put("forget", "DELETE /nodes/nobody-here HTTP/1.1\r\nHX-Request: true");
		requests.put("ingest", "POST /api/v1/ingest HTTP/1.1\r\nAuthorization: Bearer " + TOKEN
				+ "\r\nContent-Type: application/json\r\nContent-Length: " + batch.length());
		requests.put("handshake", "GET /ws HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
				+ "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==");
		List<String> headers = List.of("Content-Type", "Accept", "Origin", "Host", "Authorization", "Content-Length",
				"HX-Request", "HX-Target", "HX-Current-URL", "HX-Prompt", "HX-Trigger", "Cookie", "Range", "If-Range",
				"If-Modified-Since", "If-None-Match", "Accept-Language", "Accept-Encoding", "Accept-Charset",
				"Sec-WebSocket-Version", "Sec-WebSocket-Key", "Sec-WebSocket-Protocol", "Sec-WebSocket-Extensions",
				"Upgrade", "Connection", "Expect", "Transfer-Encoding", "X-Forwarded-For", "X-Forwarded-Host",
				"X-Forwarded-Proto", "Forwarded", "Referer", "User-Agent", "X-Requested-With");
		List<byte[]> values = malformedValues();
		List<String> refusedWrongly = new CopyOnWriteArrayList<>();
		java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
		List<String> kinds = List.copyOf(requests.keySet());
		// every value with every header; each combination on one of the requests in turn, two at a time
		java.util.stream.IntStream.range(0, headers.size() * values.size()).parallel().forEach((combination) -> {
			String header = headers.get(combination % headers.size());
			byte[] value = values.get(combination / headers.size());
			for (int k = combination % STRIDE; k < kinds.size(); k += STRIDE) {
				String kind = kinds.get(k);
				int status;
				try {
					status = rawStatus(requests.get(kind), header, value, kind.equals("ingest") ? batch : "");
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
				asked.incrementAndGet();
				// 501 is what HTTP demands for a transfer coding the server does not know (RFC 9112, 6.1)
				boolean notImplemented = status == 501 && header.equals("Transfer-Encoding");
				if ((status >= 500 && !notImplemented) || status < 100) {
					refusedWrongly.add(kind + " with " + header + ": " + new String(value, StandardCharsets.ISO_8859_1)
							+ " -> " + status);
				}
			}
		});
		List<String> fiveHundreds = refusedWrongly;
		assertThat(asked.get()).as("requests asked").isGreaterThan(2_000);
		assertThat(fiveHundreds).as("answers that were not 1xx to 4xx").isEmpty();
		assertThat(errors(output.getAll())).as("errors and their stack traces in the log").isEmpty();
	}

	@Test
	void whenANodeNameHoldsHtmlThenTheNotFoundAnswersAreJsonOrTextAndNeverSniffed() throws Exception {
		String name = "%3Cimg%20src=x%20onerror=alert(1)%3E";
		for (String path : List.of("/nodes/" + name, "/nodes/" + name + "/monitor", "/api/v1/nodes/" + name,
				"/api/v1/nodes/" + name + "/history", "/api/v1/nodes/" + name + "/samples",
				"/api/v1/nodes/" + name + "/cards/monitor.cpu_stats")) {
			HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(path).isEqualTo(404);
			assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
			String type = answer.headers().firstValue("Content-Type").orElse("");
			assertThat(type).as(path).matches("(application/json|text/plain|text/html).*");
			if (type.startsWith("text/html")) {
				assertThat(answer.body()).as(path).doesNotContain("<img");
			}
			if (path.startsWith("/api/")) {
				assertThat(type).as(path).startsWith("application/json");
				assertThat(answer.body()).as(path).contains("\"status\":404");
			}
		}
	}

	@Test
	void whenWebSocketClientsNeverReadThenTheyAreDroppedAndAReadingViewerStillGetsEverySecond() throws Exception {
		// a large overview: every message is tens of KB, so a reader that stops falls behind at once
		for (int i = 0; i < 80; i++) {
			ingest(("overview-node-with-a-long-name-to-make-the-message-large-" + i), Map.of("cpu.usage", (double) i,
					"memory.usage", 50.0));
		}
		List<Socket> stuck = new ArrayList<>();
		List<StompSession> sessions = new ArrayList<>();
		try {
			for (int i = 0; i < 6; i++) {
				stuck.add(neverReading());
			}
			jakarta.websocket.WebSocketContainer container = jakarta.websocket.ContainerProvider.getWebSocketContainer();
			container.setDefaultMaxTextMessageBufferSize(16 * 1024 * 1024); // the overview is larger than 8 KB
			WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient(container));
			client.setInboundMessageSizeLimit(16 * 1024 * 1024);
			StompSession session = client.connectAsync(url("/ws").replace("http", "ws"), new StompSessionHandlerAdapter() {
			}).get(10, TimeUnit.SECONDS);
			sessions.add(session);
			List<Long> arrivals = new CopyOnWriteArrayList<>();
			java.util.concurrent.atomic.AtomicInteger size = new java.util.concurrent.atomic.AtomicInteger();
			StompHeaders overview = new StompHeaders();
			overview.setDestination(OVERVIEW);
			overview.add("query", "size=288");
			session.subscribe(overview, new StompFrameHandler() {
				@Override
				public Type getPayloadType(StompHeaders headers) {
					return byte[].class;
				}

				@Override
				public void handleFrame(StompHeaders headers, @Nullable Object payload) {
					arrivals.add(System.nanoTime());
					size.set((payload instanceof byte[] bytes) ? bytes.length : -1);
				}
			});
			long start = System.nanoTime();
			Thread.sleep(12_000);
			List<Long> seen = List.copyOf(arrivals);
			assertThat(session.isConnected()).as("the reading viewer is still connected").isTrue();
			assertThat(seen).as("overview messages to the reading viewer in 12 s (%d bytes each)", size.get())
				.hasSizeGreaterThanOrEqualTo(6);
			long previous = start;
			long longestGap = 0;
			for (long arrival : seen) {
				longestGap = Math.max(longestGap, arrival - previous);
				previous = arrival;
			}
			longestGap = Math.max(longestGap, System.nanoTime() - previous);
			assertThat(Duration.ofNanos(longestGap)).as("the longest wait between two messages")
				.isLessThan(Duration.ofSeconds(4));
			for (Socket socket : stuck) {
				assertThat(closedWhileDraining(socket, Duration.ofSeconds(20)))
					.as("a client that never read is disconnected by the hub")
					.isTrue();
			}
		}
		finally {
			sessions.stream().filter(StompSession::isConnected).forEach(StompSession::disconnect);
			for (Socket socket : stuck) {
				socket.close();
			}
		}
	}

	@Test
	void whenNodeMetricsCollideInPrometheusThenTheScrapeStillAnswersForEveryOtherSeries() throws Exception {
		ingest("prom-ok", Map.of("memory.used", 1024.0));
		ingest("prom-clash", Map.of("a.b", 1.0, "a_b", 2.0, "samples", 3.0, "memory.used", 2048.0));
		HttpResponse<String> scrape = HTTP.send(HttpRequest.newBuilder(URI.create(url("/actuator/prometheus"))).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains("statwall_memory_used_bytes{node=\"prom-ok\"} 1024.0")
			.contains("statwall_memory_used_bytes{node=\"prom-clash\"} 2048.0")
			.doesNotContain("statwall_a_b{node=\"prom-clash\"}")
			.contains("statwall_export_series_left_out_total");
	}

	/** Log lines at ERROR and the stack traces that follow them; Tomcat notes a bad request at INFO. */
	private static List<String> errors(String log) {
		List<String> errors = new ArrayList<>();
		boolean inError = false;
		for (String line : log.lines().toList()) {
			if (line.matches("^\\d{4}-\\d\\d-\\d\\dT.*")) {
				inError = line.contains(" ERROR ");
			}
			if (inError) {
				errors.add(line);
			}
		}
		return errors;
	}

	/** Raw bytes no well-behaved client sends: empty, control characters, Latin-1 and UTF-8, huge, nested. */
	private static List<byte[]> malformedValues() {
		List<String> texts = new ArrayList<>(List.of("", " ", "\t", ";", ",", "=", "\"", "'", "*", "/", "*/*;q=x",
				"text/html;charset=nope", "application/json; charset=\"", "application/", "/json", "a/b/c", "text/*;;;",
				"multipart/form-data; boundary=", "null", "http://", "http://[::1", "http://a:99999", "ftp://x",
				"file:///etc/passwd", "bytes=--1", "bytes=9999999999999999999-", "bytes=0-0,-1,5-", "-1", "0",
				"99999999999999999999", "1e3", "0x10", "Bearer", "Bearer ", "Basic !!!",
				"Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes(StandardCharsets.UTF_8)),
				"Basic " + Base64.getEncoder().encodeToString(":".getBytes(StandardCharsets.UTF_8)), "Digest x", "=;=;",
				"a=b; a=c", "JSESSIONID=../../", "SESSION=%zz", "XSRF-TOKEN=\"", "true", "false", "<script>alert(1)</script>",
				"text/html, application/json;q=2", "en-US;q=abc", "gzip;q=-1", "chunked", "gzip, chunked", "identity,x",
				"100-continue", "200-ok", "websocket, h2c", "Upgrade, Upgrade", "v10.stomp, \u0000", "%00", "%",
				"Mon, 32 Foo 2025 99:99:99 GMT", "W/\"\"", "\"unterminated", "a".repeat(6_000), ";".repeat(2_000),
				"a=".repeat(1_000), "*/*;".repeat(500)));
		List<byte[]> values = new ArrayList<>();
		texts.forEach((text) -> values.add(text.getBytes(StandardCharsets.ISO_8859_1)));
		values.add("é—ü".getBytes(StandardCharsets.UTF_8));
		values.add(new byte[] { (byte) 0xff, (byte) 0xfe, (byte) 0x80 });
		values.add(new byte[] { 'a', 0x01, 'b' });
		values.add(new byte[] { 'a', 0x7f, 'b' });
		byte[] random = new byte[64];
		new SecureRandom().nextBytes(random);
		for (int i = 0; i < random.length; i++) {
			if (random[i] == '\r' || random[i] == '\n') {
				random[i] = 'x'; // a line break ends the header: another request, not a value
			}
		}
		values.add(random);
		return values;
	}

	/**
	 * Sends the request line and headers with {@code header} set (or replaced) to {@code value},
	 * and answers the status; 0 when the hub closed without a status line.
	 */
	private int rawStatus(String head, String header, byte[] value, String body) throws IOException {
		List<String> lines = new ArrayList<>(List.of(head.split("\r\n")));
		lines.removeIf((line) -> line.regionMatches(true, 0, header + ":", 0, header.length() + 1));
		boolean hasHost = !header.equalsIgnoreCase("Host");
		ByteArrayOutputStream request = new ByteArrayOutputStream();
		for (String line : lines) {
			request.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
		}
		if (hasHost) {
			request.write("Host: localhost\r\n".getBytes(StandardCharsets.ISO_8859_1));
		}
		if (!lines.get(0).startsWith("GET /ws ") && !header.equalsIgnoreCase("Connection")) {
			request.write("Connection: close\r\n".getBytes(StandardCharsets.ISO_8859_1));
		}
		request.write((header + ": ").getBytes(StandardCharsets.ISO_8859_1));
		request.write(value);
		request.write("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
		request.write(body.getBytes(StandardCharsets.UTF_8));
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(15_000);
			socket.getOutputStream().write(request.toByteArray());
			String status = readLine(socket.getInputStream());
			if (status == null || !status.startsWith("HTTP/1.1 ")) {
				return 0;
			}
			return Integer.parseInt(status.substring(9, 12));
		}
		catch (SocketTimeoutException ex) {
			return 0;
		}
		catch (IOException ex) {
			// the hub closed the connection while the request was still being written: a refusal
			return 400;
		}
	}

	/** A WebSocket that subscribes to the overview and then reads nothing, through a small receive buffer. */
	private Socket neverReading() throws IOException {
		Socket socket = new Socket();
		socket.setReceiveBufferSize(4096);
		socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5_000);
		socket.setSoTimeout(10_000);
		OutputStream out = socket.getOutputStream();
		out.write(("GET /ws HTTP/1.1\r\nHost: localhost:" + this.port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
				+ "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
				+ "Sec-WebSocket-Protocol: v12.stomp\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		InputStream in = socket.getInputStream();
		String status = readLine(in);
		assertThat(status).startsWith("HTTP/1.1 101");
		String line;
		while ((line = readLine(in)) != null && !line.isEmpty()) {
			// the rest of the handshake's answer
		}
		frame(out, "CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:0,0\n\n\0");
		frame(out, "SUBSCRIBE\nid:0\ndestination:" + OVERVIEW + "\nquery:size=288\n\n\0");
		return socket;
	}

	/** One masked text frame, as a client must send it. */
	private static void frame(OutputStream out, String text) throws IOException {
		byte[] payload = text.getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream frame = new ByteArrayOutputStream();
		frame.write(0x81);
		if (payload.length < 126) {
			frame.write(0x80 | payload.length);
		}
		else {
			frame.write(0x80 | 126);
			frame.write(payload.length >> 8);
			frame.write(payload.length & 0xff);
		}
		byte[] mask = { 1, 2, 3, 4 };
		frame.write(mask);
		for (int i = 0; i < payload.length; i++) {
			frame.write(payload[i] ^ mask[i % 4]);
		}
		out.write(frame.toByteArray());
		out.flush();
	}

	/** Reads what the hub had sent until the end of the stream: true when it closed the connection. */
	private static boolean closedWhileDraining(Socket socket, Duration timeout) throws IOException {
		long deadline = System.nanoTime() + timeout.toNanos();
		socket.setSoTimeout(1_000);
		byte[] buffer = new byte[64 * 1024];
		while (System.nanoTime() < deadline) {
			try {
				if (socket.getInputStream().read(buffer) < 0) {
					return true;
				}
			}
			catch (SocketTimeoutException ex) {
				// still open, nothing more sent: wait on
			}
			catch (IOException ex) {
				return true; // reset
			}
		}
		return false;
	}

	private record Answer(int status, String head, String body, boolean closed) {
	}

	/** The status line and headers, the body, and whether the hub closed the connection after it. */
	private static Answer answer(Socket socket, Duration timeout) throws IOException {
		socket.setSoTimeout((int) timeout.toMillis());
		InputStream in = socket.getInputStream();
		String status = readLine(in);
		if (status == null) {
			return new Answer(0, "", "", true);
		}
		StringBuilder head = new StringBuilder(status).append('\n');
		String line;
		int length = -1;
		while ((line = readLine(in)) != null && !line.isEmpty()) {
			head.append(line).append('\n');
			if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
				length = Integer.parseInt(line.substring(15).trim());
			}
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (length >= 0) {
			body.write(in.readNBytes(length));
		}
		boolean closed;
		try {
			int next = in.read();
			while (next >= 0 && length < 0) {
				body.write(next); // chunked or unframed: read to the end
				next = in.read();
			}
			closed = next < 0;
		}
		catch (SocketTimeoutException ex) {
			closed = false;
		}
		catch (IOException ex) {
			closed = true; // reset by the hub
		}
		return new Answer(Integer.parseInt(status.substring(9, 12)), head.toString(),
				body.toString(StandardCharsets.UTF_8), closed);
	}

	private static @Nullable String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int next;
		while ((next = in.read()) >= 0) {
			if (next == '\n') {
				String text = line.toString(StandardCharsets.ISO_8859_1);
				return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
			}
			line.write(next);
		}
		return line.size() > 0 ? line.toString(StandardCharsets.ISO_8859_1) : null;
	}

	private void ingest(String node, Map<String, Double> values) throws Exception {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/v1/ingest")))
			.header("Authorization", "Bearer " + TOKEN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(batch(node, values)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	private static String batch(String node, Map<String, Double> values) {
		long now = System.currentTimeMillis();
		StringBuilder json = new StringBuilder();
		values.forEach((metric, value) -> json.append(json.isEmpty() ? "" : ",")
			.append('"')
			.append(metric)
			.append("\":[")
			.append(value)
			.append(']'));
		return "{\"version\":1,\"node\":\"" + node + "\",\"run\":\"run-" + now + "-" + System.nanoTime()
				+ "\",\"interval\":1000,\"dropped\":0,\"seq\":[" + now + "],\"time\":[" + now + "],\"values\":{" + json
				+ "},\"texts\":{},\"tables\":{}}";
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/** A slow network: small socket buffers, so a client that does not read holds up sends within a few KB. */
	@TestConfiguration(proxyBeanMethods = false)
	static class SmallSocketBuffers {

		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> smallSocketBuffers() {
			return (factory) -> factory
				.addConnectorCustomizers((connector) -> connector.setProperty("socket.txBufSize", "16384"));
		}

	}

}
