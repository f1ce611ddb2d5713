package dev.statwall.live;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;
import org.springframework.web.socket.messaging.SessionSubscribeEvent;
import org.springframework.web.socket.messaging.SessionUnsubscribeEvent;

/**
 * Which topics have subscribers, so a hub with thousands of nodes only builds messages for the
 * cards someone is looking at.
 */
@Component
public class LiveSubscriptions {

	private final Map<String, AtomicInteger> subscribers = new ConcurrentHashMap<>();

	/** Subscriptions to a node's card and table topics, by node. */
	private final Map<String, AtomicInteger> nodes = new ConcurrentHashMap<>();

	/** session id → subscription id → destination */
	private final Map<String, Map<String, String>> sessions = new ConcurrentHashMap<>();

	public boolean hasSubscribers(String destination) {
		AtomicInteger count = this.subscribers.get(destination);
		return count != null && count.get() > 0;
	}

	/** Whether anyone watches any card of a node: most nodes of a large hub are watched by no one. */
	public boolean watchesNode(String node) {
		AtomicInteger count = this.nodes.get(node);
		return count != null && count.get() > 0;
	}

	@EventListener
	void subscribed(SessionSubscribeEvent event) {
		StompHeaderAccessor stomp = StompHeaderAccessor.wrap(event.getMessage());
		String destination = stomp.getDestination();
		if (destination == null || !destination.startsWith("/topic/") || stomp.getSessionId() == null
				|| stomp.getSubscriptionId() == null) {
			return;
		}
		this.sessions.computeIfAbsent(stomp.getSessionId(), (id) -> new ConcurrentHashMap<>())
			.put(stomp.getSubscriptionId(), destination);
		this.subscribers.computeIfAbsent(destination, (key) -> new AtomicInteger()).incrementAndGet();
		String node = nodeOf(destination);
		if (node != null) {
			this.nodes.computeIfAbsent(node, (key) -> new AtomicInteger()).incrementAndGet();
		}
	}

	/** {@code /topic/cards/{node}/{card}} and {@code /topic/tables/{node}/{card}} name a node. */
	private static @Nullable String nodeOf(String destination) {
		String rest;
		if (destination.startsWith("/topic/cards/")) {
			rest = destination.substring("/topic/cards/".length());
		}
		else if (destination.startsWith("/topic/tables/")) {
			rest = destination.substring("/topic/tables/".length());
		}
		else {
			return null;
		}
		int slash = rest.indexOf('/');
		return (slash > 0) ? rest.substring(0, slash) : null;
	}

	@EventListener
	void unsubscribed(SessionUnsubscribeEvent event) {
		StompHeaderAccessor stomp = StompHeaderAccessor.wrap(event.getMessage());
		Map<String, String> subscriptions = (stomp.getSessionId() != null) ? this.sessions.get(stomp.getSessionId())
				: null;
		if (subscriptions != null && stomp.getSubscriptionId() != null) {
			release(subscriptions.remove(stomp.getSubscriptionId()));
		}
	}

	@EventListener
	void disconnected(SessionDisconnectEvent event) {
		Map<String, String> subscriptions = this.sessions.remove(event.getSessionId());
		if (subscriptions != null) {
			subscriptions.values().forEach(this::release);
		}
	}

	private void release(@Nullable String destination) {
		if (destination == null) {
			return;
		}
		AtomicInteger count = this.subscribers.get(destination);
		if (count != null && count.decrementAndGet() <= 0) {
			this.subscribers.remove(destination, count);
		}
		String node = nodeOf(destination);
		AtomicInteger watching = (node != null) ? this.nodes.get(node) : null;
		if (watching != null && watching.decrementAndGet() <= 0) {
			this.nodes.remove(node, watching);
		}
	}

}
