package dev.statwall.live;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.NativeMessageHeaderAccessor;

/**
 * The live channel only serves. A client may connect, subscribe to the documented destinations
 * ({@link LiveDestinations}), unsubscribe and disconnect; a SEND, an ACK, a transaction, a
 * subscription to anything else, a selector or one subscription too many is refused: the client
 * gets a STOMP ERROR frame with the reason and the connection is closed.
 */
final class LiveChannelGuard implements ChannelInterceptor {

	private static final String SUBSCRIPTIONS = LiveChannelGuard.class.getName() + ".subscriptions";

	private final int maxSubscriptions;

	LiveChannelGuard(int maxSubscriptions) {
		this.maxSubscriptions = maxSubscriptions;
	}

	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		SimpMessageType type = SimpMessageHeaderAccessor.getMessageType(message.getHeaders());
		if (type == null) {
			throw refused(message, "a frame without a command is not accepted");
		}
		switch (type) {
			case CONNECT, HEARTBEAT, DISCONNECT -> {
				return message;
			}
			case SUBSCRIBE -> {
				subscribe(message);
				return message;
			}
			case UNSUBSCRIBE -> {
				Set<String> subscriptions = subscriptions(message);
				String id = SimpMessageHeaderAccessor.getSubscriptionId(message.getHeaders());
				if (subscriptions != null && id != null) {
					subscriptions.remove(id);
				}
				return message;
			}
			default -> throw refused(message, ((type == SimpMessageType.MESSAGE) ? "SEND" : "this frame")
					+ " is not accepted: the live channel only serves; a client may CONNECT, SUBSCRIBE, UNSUBSCRIBE and DISCONNECT");
		}
	}

	private void subscribe(Message<?> message) {
		String destination = SimpMessageHeaderAccessor.getDestination(message.getHeaders());
		if (!LiveDestinations.isSubscribable(destination)) {
			throw refused(message, "no such destination: a client may subscribe to " + LiveDestinations.SUBSCRIBABLE);
		}
		// the simple broker would evaluate a selector expression against every message
		if (firstNativeHeader(message, "selector") != null) {
			throw refused(message, "selectors are not accepted");
		}
		String id = SimpMessageHeaderAccessor.getSubscriptionId(message.getHeaders());
		Set<String> subscriptions = subscriptions(message);
		if (id == null || subscriptions == null) {
			throw refused(message, "a subscription needs an id and a session");
		}
		if (!subscriptions.contains(id) && subscriptions.size() >= this.maxSubscriptions) {
			throw refused(message, "too many subscriptions: at most " + this.maxSubscriptions
					+ " per connection (statwall.live.max-subscriptions)");
		}
		subscriptions.add(id);
	}

	/** Kept with the WebSocket session, so they go when it goes. */
	@SuppressWarnings("unchecked")
	private static @Nullable Set<String> subscriptions(Message<?> message) {
		Map<String, Object> attributes = SimpMessageHeaderAccessor.getSessionAttributes(message.getHeaders());
		if (attributes == null) {
			return null;
		}
		return (Set<String>) attributes.computeIfAbsent(SUBSCRIPTIONS, (key) -> ConcurrentHashMap.newKeySet());
	}

	private static @Nullable String firstNativeHeader(Message<?> message, String name) {
		NativeMessageHeaderAccessor accessor = org.springframework.messaging.support.MessageHeaderAccessor
			.getAccessor(message, NativeMessageHeaderAccessor.class);
		return (accessor != null) ? accessor.getFirstNativeHeader(name) : null;
	}

	private static MessageDeliveryException refused(Message<?> message, String reason) {
		return new MessageDeliveryException(message, reason);
	}

}
