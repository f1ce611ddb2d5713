package dev.statwall.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.socket.WebSocketExtension;

/**
 * Checks the headers that Spring and its parts parse on their own (security, MVC, actuator, the
 * WebSocket handshake) before any of them does, and refuses a malformed one with 400 naming the
 * header. A parser deep inside would throw where nothing maps the exception to a status: a 500 with
 * a stack trace for what is the client's mistake. The value is never echoed back.
 */
final class MalformedHeaderFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String problem = problem(request);
		if (problem == null) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		response.setHeader(HttpHeaders.CONNECTION, "close");
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (request.getRequestURI().startsWith("/api/") || (accept != null && accept.contains("json"))) {
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.getOutputStream()
				.write(("{\"status\":400,\"error\":\"Bad Request\",\"reason\":\"" + problem + "\"}")
					.getBytes(StandardCharsets.UTF_8));
		}
		else {
			response.setContentType("text/plain;charset=UTF-8");
			response.getOutputStream().write((problem + "\n").getBytes(StandardCharsets.UTF_8));
		}
	}

	/** Why the request's headers cannot be taken, or null; a constant text, safe in JSON and HTML. */
	static @Nullable String problem(HttpServletRequest request) {
		List<String> types = Collections.list(request.getHeaders(HttpHeaders.CONTENT_TYPE));
		if (types.size() > 1) {
			return "the Content-Type header is given more than once";
		}
		for (String type : types) {
			try {
				MediaType media = MediaType.parseMediaType(type);
				if (media.isWildcardType() || media.isWildcardSubtype()) {
					return "the Content-Type header must name one media type, not a wildcard";
				}
			}
			catch (RuntimeException ex) {
				return "the Content-Type header is not a media type such as application/json";
			}
		}
		for (String accept : Collections.list(request.getHeaders(HttpHeaders.ACCEPT))) {
			try {
				if (!accept.isBlank() && MediaType.parseMediaTypes(accept).isEmpty()) {
					return "the Accept header names no media type";
				}
			}
			catch (RuntimeException ex) {
				return "the Accept header is not a list of media types such as text/html, */*;q=0.8";
			}
		}
		for (String extensions : Collections.list(request.getHeaders("Sec-WebSocket-Extensions"))) {
			try {
				WebSocketExtension.parseExtensions(extensions);
			}
			catch (RuntimeException ex) {
				return "the Sec-WebSocket-Extensions header is malformed";
			}
		}
		return null;
	}

}
