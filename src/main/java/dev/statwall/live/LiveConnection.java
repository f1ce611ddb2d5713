package dev.statwall.live;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompEncoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

/**
 * One live connection, as the guard sees it: it can refuse the client, with a STOMP ERROR frame
 * and then the close, in that order.
 * <p>
 * Spring's own refusal (an exception in the inbound channel) sends ERROR and closes at once; when
 * another thread is still sending on the connection at that moment (the CONNECTED frame, a row),
 * the ERROR frame waits in a buffer that the close then drops. Here the refusal takes the same
 * lock as every other send, so the frame always goes out before the connection closes.
 */
final class LiveConnection extends WebSocketSessionDecorator {

	private static final String KEY = LiveConnection.class.getName();

	/** Tomcat's per-session limit on one blocking send, in milliseconds. */
	private static final String BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

	private static final StompEncoder ENCODER = new StompEncoder();

	/** How long a refusal waits for a send in progress on the same connection. */
	private static final long WAIT_SECONDS = 2;

	private final ReentrantLock sending = new ReentrantLock();

	private volatile boolean refused;

	private LiveConnection(WebSocketSession session) {
		super(session);
		session.getAttributes().put(KEY, this);
	}

	/**
	 * Wraps the raw WebSocket session that Spring's STOMP handler then decorates for itself. A send
	 * to a client that reads nothing blocks in the container; Tomcat gives it up after
	 * {@code sendTimeLimit}, and the connection is closed, rather than after its own 20 s.
	 */
	static WebSocketHandler decorate(WebSocketHandler handler, Duration sendTimeLimit) {
		return new WebSocketHandlerDecorator(handler) {
			@Override
			public void afterConnectionEstablished(WebSocketSession session) throws Exception {
				if (session instanceof NativeWebSocketSession container
						&& container.getNativeSession() instanceof jakarta.websocket.Session endpoint) {
					endpoint.getUserProperties().put(BLOCKING_SEND_TIMEOUT, sendTimeLimit.toMillis());
				}
				super.afterConnectionEstablished(new LiveConnection(session));
			}
		};
	}

	/** The connection whose session attributes these are; null outside a real WebSocket session. */
	static @Nullable LiveConnection of(java.util.@Nullable Map<String, Object> sessionAttributes) {
		return (sessionAttributes != null && sessionAttributes.get(KEY) instanceof LiveConnection connection) ? connection
				: null;
	}

	@Override
	public void sendMessage(WebSocketMessage<?> message) throws IOException {
		this.sending.lock();
		try {
			super.sendMessage(message);
		}
		finally {
			this.sending.unlock();
		}
	}

	/** Sends ERROR with the reason, then closes with 1002 (protocol error). */
	void refuse(String reason) {
		this.refused = true;
		StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
		error.setMessage(reason);
		try {
			// a client that reads nothing keeps the other sender stuck: then it is closed without a word
			if (this.sending.tryLock(WAIT_SECONDS, TimeUnit.SECONDS)) {
				try {
					if (isOpen()) {
						super.sendMessage(new TextMessage(ENCODER.encode(error.getMessageHeaders(), new byte[0])));
					}
				}
				finally {
					this.sending.unlock();
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// the client went away first: nothing left to tell it
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		try {
			getDelegate().close(CloseStatus.PROTOCOL_ERROR);
		}
		catch (IOException | RuntimeException ex) {
			// already closed
		}
	}

	/** Whether this client was refused: whatever else it sent in the same message is dropped. */
	boolean refused() {
		return this.refused;
	}

}
