package dev.statwall.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook receiver on loopback, as a chat bridge or an incident tool would run one: it keeps
 * every request, and answers 503 to the next {@link #failNext} requests.
 */
public final class WebhookReceiver implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	public final List<Request> requests = new CopyOnWriteArrayList<>();

	public final AtomicInteger failNext = new AtomicInteger();

	public final AtomicInteger refused = new AtomicInteger();

	public WebhookReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			if (this.failNext.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
				this.refused.incrementAndGet();
				exchange.sendResponseHeaders(503, -1);
				exchange.close();
				return;
			}
			this.requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("Content-Type"),
					new String(body, StandardCharsets.UTF_8)));
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		this.server.start();
	}

	public String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	/** The alerts of every request to {@code path}, in the order they came. */
	public List<JsonNode> alerts(String path) {
		return this.requests.stream()
			.filter((request) -> request.path().equals(path))
			.flatMap((request) -> request.json().path("alerts").valueStream())
			.toList();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * One request as it came.
	 *
	 * @param method the method
	 * @param path the path
	 * @param authorization its Authorization header
	 * @param contentType its Content-Type
	 * @param body its body
	 */
	public record Request(String method, String path, String authorization, String contentType, String body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

}
