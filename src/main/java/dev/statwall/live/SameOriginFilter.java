package dev.statwall.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a WebSocket handshake from any page but statwall's own with 403, whatever the
 * {@code Origin} header holds: another host or port, {@code null}, a malformed or huge value,
 * several values. A browser always sends {@code Origin} with a WebSocket handshake; a client
 * without one is not a browser that another site could have steered here.
 * <p>
 * Checked before anything else parses the header, with a strict pattern rather than a URI parser
 * that might throw. Behind a reverse proxy, {@code server.forward-headers-strategy} makes the
 * request's scheme, host and port the ones the browser used.
 */
final class SameOriginFilter extends OncePerRequestFilter {

	/** scheme://host[:port], nothing else: no path, no user, no query. */
	private static final Pattern ORIGIN = Pattern
		.compile("(https?)://([A-Za-z0-9._~-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\])(?::([0-9]{1,5}))?");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		List<String> origins = Collections.list(request.getHeaders("Origin"));
		if (origins.isEmpty() || (origins.size() == 1 && sameOrigin(origins.get(0), request.getScheme(),
				request.getServerName(), request.getServerPort()))) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		response.setContentType("text/plain;charset=UTF-8");
		response.getOutputStream()
			.write("the live channel serves statwall's own pages only: the Origin is not this server's\n"
				.getBytes(StandardCharsets.UTF_8));
	}

	static boolean sameOrigin(String origin, String scheme, String host, int port) {
		if (origin.length() > 300) {
			return false;
		}
		Matcher matcher = ORIGIN.matcher(origin);
		if (!matcher.matches() || !matcher.group(1).equalsIgnoreCase(scheme)) {
			return false;
		}
		String originHost = matcher.group(2);
		if (!bare(originHost).equalsIgnoreCase(bare(host))) {
			return false;
		}
		int originPort;
		if (matcher.group(3) != null) {
			originPort = Integer.parseInt(matcher.group(3));
		}
		else {
			originPort = scheme.toLowerCase(Locale.ROOT).equals("https") ? 443 : 80;
		}
		return originPort == port;
	}

	/** An IPv6 address with or without its brackets. */
	private static String bare(String host) {
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

}
