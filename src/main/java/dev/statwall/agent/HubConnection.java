package dev.statwall.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

import org.jspecify.annotations.Nullable;

/**
 * Posts batches to the hub's ingest API, for agents and the simulator alike. Plain
 * {@link HttpURLConnection}, which keeps connections alive between requests: the JDK's
 * {@code HttpClient} costs an agent about 10 MB more and a selector thread, and measured here it
 * took about four times the CPU per request (docs/benchmarks.md). Safe for many threads at once;
 * each request takes an idle kept-alive connection or opens one.
 */
public final class HubConnection implements Hub {

	static final String INGEST = "/api/v1/ingest";

	private final URL ingest;

	private final String authorization;

	private final int timeoutMillis;

	/** Whom to trust over HTTPS; null for the system's trust store. */
	private final @Nullable SSLSocketFactory tls;

	/** To the hub the settings name, trusting {@code statwall.hub.ca-file} when it is set. */
	public HubConnection(HubClientProperties client, Duration timeout) {
		this(client.requireUrl(), client.requireToken(), timeout,
				(client.caFile() != null) ? HubTrust.of(client.caFile()).getSocketFactory() : null);
	}

	HubConnection(URI hub, String token, Duration timeout) {
		this(hub, token, timeout, null);
	}

	HubConnection(URI hub, String token, Duration timeout, @Nullable SSLSocketFactory tls) {
		try {
			String base = hub.toString().replaceAll("/+$", "");
			this.ingest = URI.create(base + INGEST).toURL();
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("statwall.hub.url '" + hub + "' is not a usable address", ex);
		}
		this.authorization = "Bearer " + token;
		this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
		this.tls = tls;
	}

	@Override
	public Answer post(byte[] body) throws IOException {
		HttpURLConnection connection = (HttpURLConnection) this.ingest.openConnection();
		if (this.tls != null && connection instanceof HttpsURLConnection https) {
			https.setSSLSocketFactory(this.tls);
		}
		try {
			connection.setRequestMethod("POST");
			connection.setConnectTimeout(this.timeoutMillis);
			connection.setReadTimeout(this.timeoutMillis);
			connection.setDoOutput(true);
			connection.setFixedLengthStreamingMode(body.length);
			connection.setRequestProperty("Content-Type", "application/json");
			connection.setRequestProperty("Authorization", this.authorization);
			try (OutputStream out = connection.getOutputStream()) {
				out.write(body);
			}
			int status = connection.getResponseCode();
			InputStream in = (status >= 400) ? connection.getErrorStream() : connection.getInputStream();
			String text = "";
			if (in != null) {
				try (in) {
					// read to the end so the connection can be reused
					text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
			return new Answer(status, text);
		}
		catch (IOException ex) {
			connection.disconnect();
			throw ex;
		}
	}

	@Override
	public String address() {
		return this.ingest.toString();
	}

}
