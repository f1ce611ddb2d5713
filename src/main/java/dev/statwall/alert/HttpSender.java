package dev.statwall.alert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts JSON to a receiver with the JDK's HTTP client: Alertmanager's {@code /api/v2/alerts} or a
 * webhook. Anything but a 2xx answer is a failure, retried by the outbox.
 */
final class HttpSender implements Outbox.Sender {

	private final HttpClient http;

	private final URI url;

	private final @Nullable String token;

	private final Duration timeout;

	private final JsonMapper json;

	private final Function<List<Notification>, Object> payload;

	private final int batchSize;

	HttpSender(HttpClient http, URI url, @Nullable String token, Duration timeout, JsonMapper json, int batchSize,
			Function<List<Notification>, Object> payload) {
		this.http = http;
		this.url = url;
		this.token = token;
		this.timeout = timeout;
		this.json = json;
		this.batchSize = batchSize;
		this.payload = payload;
	}

	/** To an Alertmanager at {@code base}: its API v2. */
	static HttpSender alertmanager(HttpClient http, URI base, Duration timeout, JsonMapper json, Clock clock,
			Duration resendInterval, @Nullable URI externalUrl) {
		String root = base.toString().endsWith("/") ? base.toString() : base + "/";
		long validFor = 4 * resendInterval.toMillis();
		return new HttpSender(http, URI.create(root + "api/v2/alerts"), null, timeout, json, 64,
				(batch) -> Payloads.alertmanager(batch, clock.millis(), validFor, externalUrl));
	}

	static HttpSender webhook(HttpClient http, URI url, @Nullable String token, Duration timeout, JsonMapper json,
			@Nullable URI externalUrl) {
		return new HttpSender(http, url, token, timeout, json, 64, (batch) -> Payloads.webhook(batch, externalUrl));
	}

	@Override
	public void send(List<Notification> batch) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.url)
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.header("User-Agent", "statwall")
			.POST(HttpRequest.BodyPublishers.ofByteArray(this.json.writeValueAsBytes(this.payload.apply(batch))));
		if (this.token != null && !this.token.isBlank()) {
			request.header("Authorization", "Bearer " + this.token);
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			String body = response.body().strip();
			throw new IOException("HTTP " + response.statusCode()
					+ (body.isEmpty() ? "" : ": " + ((body.length() > 200) ? body.substring(0, 200) + "…" : body)));
		}
	}

	@Override
	public int batchSize() {
		return this.batchSize;
	}

	@Override
	public String describe() {
		// the path of a webhook may be its secret (Slack's are): host and port only
		return this.url.getScheme() + "://" + this.url.getHost() + ((this.url.getPort() > 0) ? ":" + this.url.getPort() : "");
	}

}
