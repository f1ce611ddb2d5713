package dev.statwall.live;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
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
 * gets a STOMP ERROR frame with the reason, the connection is closed ({@link LiveConnection}) and
 * the frame goes no further. A refusal is logged at DEBUG only: it is the client's doing.
 */
final class LiveChannelGuard implements ChannelInterceptor {

	private static final Log logger = LogFactory.getLog(LiveChannelGuard.class);

	private static final String SUBSCRIPTIONS = LiveChannelGuard.class.getName() + ".subscriptions";

	private final int maxSubscriptions;

	LiveChannelGuard(int maxSubscriptions) {
		this.maxSubscriptions = maxSubscriptions;
	}

	@Override
	public @Nullable Message<?> preSend(Message<?> message, MessageChannel channel) {
		LiveConnection connection = LiveConnection.of(SimpMessageHeaderAccessor.getSessionAttributes(message.getHeaders()));
		if (connection != null && connection.refused()) {
			// the rest of what a refused client sent goes nowhere; its DISCONNECT clears its subscriptions
			return (SimpMessageHeaderAccessor.getMessageType(message.getHeaders()) == SimpMessageType.DISCONNECT) ? message
					: null;
		}
		String refusal = refusal(message);
		if (refusal == null) {
			return message;
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Refused a live client (session " + SimpMessageHeaderAccessor.getSessionId(message.getHeaders())
					+ "): " + refusal);
		}
		if (connection == null) {
			throw new MessageDeliveryException(message, refusal); // Spring's own ERROR and close
		}
		connection.refuse(refusal);
		return null;
	}

	/** Why this frame is refused, or null when it is fine. */
	private @Nullable String refusal(Message<?> message) {
		SimpMessageType type = SimpMessageHeaderAccessor.getMessageType(message.getHeaders());
		if (type == null) {
			return "a frame without a command is not accepted";
		}
		switch (type) {
			case CONNECT, HEARTBEAT, DISCONNECT -> {
				return null;
			}
			case SUBSCRIBE -> {
				return subscribe(message);
			}
			case UNSUBSCRIBE -> {
				Set<String> subscriptions = subscriptions(message);
				String id = SimpMessageHeaderAccessor.getSubscriptionId(message.getHeaders());
				if (subscriptions != null && id != null) {
					subscriptions.remove(id);
				}
				return null;
			}
			default -> {
				return ((type == SimpMessageType.MESSAGE) ? "SEND" : "this frame")
						+ " is not accepted: the live channel only serves; a client may CONNECT, SUBSCRIBE, UNSUBSCRIBE and DISCONNECT";
			}
		}
	}

	private @Nullable String subscribe(Message<?> message) {
		String destination = SimpMessageHeaderAccessor.getDestination(message.getHeaders());
		if (!LiveDestinations.isSubscribable(destination)) {
			return "no such destination: a client may subscribe to " + LiveDestinations.SUBSCRIBABLE;
		}
		// the simple broker would evaluate a selector expression against every message
		if (firstNativeHeader(message, "selector") != null) {
			return "selectors are not accepted";
		}
		String id = SimpMessageHeaderAccessor.getSubscriptionId(message.getHeaders());
		Set<String> subscriptions = subscriptions(message);
		if (id == null || subscriptions == null) {
			return "a subscription needs an id and a session";
		}
		if (!subscriptions.contains(id) && subscriptions.size() >= this.maxSubscriptions) {
			return "too many subscriptions: at most " + this.maxSubscriptions
					+ " per connection (statwall.live.max-subscriptions)";
		}
		subscriptions.add(id);
		return null;
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

}
