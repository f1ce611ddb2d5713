package dev.statwall.hub.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import dev.statwall.hub.Overview.Query;

import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;
import org.springframework.web.socket.messaging.SessionSubscribeEvent;
import org.springframework.web.socket.messaging.SessionUnsubscribeEvent;

/**
 * Who watches the overview, and which page each one looks at: a browser subscribes to
 * {@value #DESTINATION} with a {@value #QUERY_HEADER} header holding the page's query
 * ({@code q=pi&status=all&sort=name&page=1&size=288}), and is sent only that page's tiles.
 */
final class OverviewViewers {

	/** What a browser subscribes to; Spring's user destinations turn it into one queue per session. */
	static final String DESTINATION = "/user/queue/overview";

	static final String QUERY_HEADER = "query";

	/** session id → subscription id → what it asked for */
	private final Map<String, Map<String, Viewer>> sessions = new ConcurrentHashMap<>();

	boolean isEmpty() {
		return this.sessions.isEmpty();
	}

	List<Viewer> viewers() {
		List<Viewer> all = new ArrayList<>();
		this.sessions.values().forEach((subscriptions) -> all.addAll(subscriptions.values()));
		return all;
	}

	@EventListener
	void subscribed(SessionSubscribeEvent event) {
		StompHeaderAccessor stomp = StompHeaderAccessor.wrap(event.getMessage());
		String session = stomp.getSessionId();
		String subscription = stomp.getSubscriptionId();
		if (!DESTINATION.equals(stomp.getDestination()) || session == null || subscription == null) {
			return;
		}
		Viewer viewer;
		try {
			viewer = new Viewer(session, subscription, query(stomp.getFirstNativeHeader(QUERY_HEADER)), null);
		}
		catch (IllegalArgumentException ex) {
			viewer = new Viewer(session, subscription, null, ex.getMessage());
		}
		this.sessions.computeIfAbsent(session, (id) -> new ConcurrentHashMap<>()).put(subscription, viewer);
	}

	@EventListener
	void unsubscribed(SessionUnsubscribeEvent event) {
		StompHeaderAccessor stomp = StompHeaderAccessor.wrap(event.getMessage());
		String session = stomp.getSessionId();
		String subscription = stomp.getSubscriptionId();
		if (session != null && subscription != null) {
			this.sessions.computeIfPresent(session, (id, subscriptions) -> {
				subscriptions.remove(subscription);
				return subscriptions.isEmpty() ? null : subscriptions;
			});
		}
	}

	@EventListener
	void disconnected(SessionDisconnectEvent event) {
		this.sessions.remove(event.getSessionId());
	}

	/** The page's query as the overview's URL carries it; none is the first page of every node by name. */
	static Query query(@Nullable String header) {
		Map<String, String> parameters = new HashMap<>();
		if (header != null && !header.isBlank()) {
			if (header.length() > 512) {
				throw new IllegalArgumentException("'query' is the overview's query string, at most 512 characters");
			}
			for (String pair : header.split("&")) {
				int equals = pair.indexOf('=');
				String name = (equals >= 0) ? pair.substring(0, equals) : pair;
				String value = (equals >= 0) ? pair.substring(equals + 1) : "";
				parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
						URLDecoder.decode(value, StandardCharsets.UTF_8));
			}
		}
		return OverviewParameters.query(parameters);
	}

	/**
	 * One overview subscription.
	 *
	 * @param session the STOMP session
	 * @param subscription the subscription's id in that session
	 * @param query the page it shows; null when the header was wrong
	 * @param error why the header was wrong; null when it was right
	 */
	record Viewer(String session, String subscription, @Nullable Query query, @Nullable String error) {
	}

}
