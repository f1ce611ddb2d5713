package dev.statwall.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says once, at start-up, when an open statwall can be reached from other machines. */
@Component
final class OpenAccessWarning {

	private static final Log logger = LogFactory.getLog(OpenAccessWarning.class);

	private final SecurityProperties.Mode mode;

	private final Environment environment;

	private final AtomicBoolean said = new AtomicBoolean();

	OpenAccessWarning(SecurityProperties properties, Environment environment) {
		this.mode = properties.mode();
		this.environment = environment;
	}

	@EventListener
	void started(WebServerInitializedEvent event) {
		String warning = warning(this.mode, this.environment.getProperty("server.address"), event.getWebServer().getPort());
		if (warning != null && this.said.compareAndSet(false, true)) {
			logger.warn(warning);
		}
	}

	/** The warning for this mode and bind address, or null when there is nothing to say. */
	static @Nullable String warning(SecurityProperties.Mode mode, @Nullable String address, int port) {
		if (mode != SecurityProperties.Mode.OPEN || isLoopback(address)) {
			return null;
		}
		String where = (address == null || address.isBlank()) ? "every network interface" : address;
		return "statwall.security.mode is open and the server listens on " + where + ", port " + port
				+ ": anyone who can reach it can watch every page, the read API, the live channel and /actuator/prometheus"
				+ " (a hub's admin actions still need statwall.hub.token). Set statwall.security.mode=users or oidc"
				+ " (README, 'Security'), or server.address=127.0.0.1";
	}

	private static boolean isLoopback(@Nullable String address) {
		if (address == null || address.isBlank()) {
			return false;
		}
		try {
			return InetAddress.getByName(address.strip()).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
