package dev.statwall.hub;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The hub: where agents find it, and how it judges them. Checked in the constructor rather than
 * with Bean Validation because agents bind it without an application context.
 *
 * @param url where agents and the simulator send samples, such as {@code http://hub.local:8080}
 * @param token the shared secret agents send as a bearer token; a hub refuses to start without one
 * @param sampleSelf whether the hub also samples its own machine and shows it as a node
 * @param staleAfter a node that has sent nothing for this long is stale
 * @param offlineAfter a node that has sent nothing for this long is offline
 * @param maxBody the largest request body the ingest API reads
 * @param maxAhead how far a sample's time may be ahead of the hub's clock
 * @param maxAge how far a sample's time may be behind the hub's clock
 * @param caFile agents: the PEM file of the CA that signed the hub's HTTPS certificate; then only
 * that CA is trusted, otherwise the system's trust store
 */
@ConfigurationProperties("statwall.hub")
public record HubProperties(@Nullable URI url, @Nullable String token, @DefaultValue("true") boolean sampleSelf,
		@DefaultValue("3s") Duration staleAfter, @DefaultValue("30s") Duration offlineAfter,
		@DefaultValue("1MB") DataSize maxBody,
		@DefaultValue("5m") Duration maxAhead, @DefaultValue("24h") Duration maxAge, @Nullable Path caFile) {

	public HubProperties {
		positive("stale-after", staleAfter);
		positive("offline-after", offlineAfter);
		positive("max-ahead", maxAhead);
		positive("max-age", maxAge);
		if (offlineAfter.compareTo(staleAfter) <= 0) {
			throw new IllegalArgumentException("statwall.hub.offline-after (" + offlineAfter
					+ ") must be longer than statwall.hub.stale-after (" + staleAfter + ")");
		}
		if (maxBody.toBytes() < 1024) {
			throw new IllegalArgumentException("statwall.hub.max-body must be at least 1KB, was " + maxBody);
		}
		if (url != null && !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
			throw new IllegalArgumentException(
					"statwall.hub.url must be an http:// or https:// address such as http://hub.local:8080, was " + url);
		}
		if (url != null && caFile != null && !"https".equals(url.getScheme())) {
			throw new IllegalArgumentException("statwall.hub.ca-file is set but statwall.hub.url is not https://, was " + url);
		}
	}

	private static void positive(String key, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("statwall.hub." + key + " must be positive, was " + value);
		}
	}

	/** The token, or a failure that says how to set it. */
	public String requireToken() {
		if (this.token == null || this.token.isBlank()) {
			throw new IllegalArgumentException(
					"statwall.hub.token is not set: hub and agents need the same secret (for example STATWALL_HUB_TOKEN)");
		}
		return this.token;
	}

	/** The hub's address, or a failure that says how to set it. */
	public URI requireUrl() {
		if (this.url == null) {
			throw new IllegalArgumentException("statwall.hub.url is not set: where is the hub, such as http://hub.local:8080?");
		}
		return this.url;
	}

	/** Never prints the token. */
	@Override
	public String toString() {
		return "HubProperties[url=" + this.url + ", token=" + ((this.token == null) ? "none" : "***")
				+ ", sampleSelf=" + this.sampleSelf + ", staleAfter=" + this.staleAfter + ", offlineAfter="
				+ this.offlineAfter + ", maxBody=" + this.maxBody
				+ ", maxAhead=" + this.maxAhead + ", maxAge=" + this.maxAge + ", caFile=" + this.caFile + "]";
	}

}
