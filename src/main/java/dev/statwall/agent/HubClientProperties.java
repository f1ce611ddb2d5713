package dev.statwall.agent;

import java.net.URI;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a sender reaches the hub: agents and the simulator share these, so neither needs anything
 * of the hub's own code. The hub binds the same token under the same key for itself. Checked in
 * the constructor, not with Bean Validation: agent and simulator bind it without an application
 * context. The client's side of TLS (the CA file that signs an https hub's certificate,
 * {@code statwall.hub.ca-file}) belongs here too, and {@link HubConnection} is the one place that
 * opens connections with it.
 *
 * @param url where agents and the simulator send samples, such as {@code http://hub.local:8080}
 * @param token the shared secret sent as a bearer token; never logged
 * @param caFile the PEM file of the CA that signed the hub's HTTPS certificate; then only that CA is
 * trusted, otherwise the system's trust store
 */
@ConfigurationProperties("statwall.hub")
public record HubClientProperties(@Nullable URI url, @Nullable String token, @Nullable Path caFile) {

	public HubClientProperties {
		if (url != null && !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
			throw new IllegalArgumentException(
					"statwall.hub.url must be an http:// or https:// address such as http://hub.local:8080, was " + url);
		}
		if (url != null && caFile != null && !"https".equals(url.getScheme())) {
			throw new IllegalArgumentException("statwall.hub.ca-file is set but statwall.hub.url is not https://, was " + url);
		}
	}

	/** The hub's address, or a failure that says how to set it. */
	public URI requireUrl() {
		if (this.url == null) {
			throw new IllegalArgumentException("statwall.hub.url is not set: where is the hub, such as http://hub.local:8080?");
		}
		return this.url;
	}

	/** The token, or a failure that says how to set it. */
	public String requireToken() {
		if (this.token == null || this.token.isBlank()) {
			throw new IllegalArgumentException(
					"statwall.hub.token is not set: hub and agents need the same secret (for example STATWALL_HUB_TOKEN)");
		}
		return this.token;
	}

	/** The same settings for another address: the simulator inside a hub sends to the hub's own port. */
	public HubClientProperties withUrl(URI url) {
		return new HubClientProperties(url, this.token, this.caFile);
	}

	/** Never prints the token. */
	@Override
	public String toString() {
		return "HubClientProperties[url=" + this.url + ", token=" + ((this.token == null) ? "none" : "***")
				+ ", caFile=" + this.caFile + "]";
	}

}
