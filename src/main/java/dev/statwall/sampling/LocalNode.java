package dev.statwall.sampling;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * This node's name, as shown on pages and sent to a hub.
 *
 * @param nodeName the name; empty means this machine's hostname
 */
@ConfigurationProperties("statwall")
public record LocalNode(@Nullable String nodeName) {

	public String name() {
		if (this.nodeName != null && !this.nodeName.isBlank()) {
			return this.nodeName.trim();
		}
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			String env = System.getenv("HOSTNAME");
			return (env != null && !env.isBlank()) ? env : "localhost";
		}
	}

}
