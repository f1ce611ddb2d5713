package dev.statwall.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the web server allows one request.
 *
 * @param bodyTimeout how long a request body may take to arrive, from the first byte read to the
 * last; a slower one is answered 408 and its connection closed, so a client that sends a byte at
 * a time cannot hold a server thread. An agent's batch of a few hundred KB arrives in
 * milliseconds even over a slow link
 */
@ConfigurationProperties("statwall.http")
public record HttpProperties(@DefaultValue("5s") Duration bodyTimeout) {

	public HttpProperties {
		if (bodyTimeout.toMillis() < 100 || bodyTimeout.compareTo(Duration.ofMinutes(10)) > 0) {
			throw new IllegalArgumentException("statwall.http.body-timeout must be from 100ms to 10m, was " + bodyTimeout);
		}
	}

}
