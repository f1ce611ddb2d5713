package dev.statwall.live;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/**
 * STOMP over native WebSocket at {@code /ws}. Moving to a broker relay (RabbitMQ, ActiveMQ) only
 * changes this class.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
class LiveConfiguration implements WebSocketMessageBrokerConfigurer {

	/** Heartbeats let both sides notice a dead connection within seconds and reconnect. */
	private static final long[] HEARTBEAT = { 10_000, 10_000 };

	private final TaskScheduler heartbeats;

	/**
	 * Heartbeats run on the broker's own scheduler, a bean Spring stops with the context: a
	 * scheduler made here kept a non-daemon thread alive after a failed start, and the JVM with it.
	 */
	LiveConfiguration(@Lazy @Qualifier("messageBrokerTaskScheduler") TaskScheduler heartbeats) {
		this.heartbeats = heartbeats;
	}

	@Override
	public void registerStompEndpoints(StompEndpointRegistry registry) {
		registry.addEndpoint("/ws");
	}

	@Override
	public void configureMessageBroker(MessageBrokerRegistry registry) {
		// /queue: one per session behind a user destination, such as the overview page a browser shows
		registry.enableSimpleBroker("/topic", "/queue").setHeartbeatValue(HEARTBEAT).setTaskScheduler(this.heartbeats);
		registry.setApplicationDestinationPrefixes("/app");
		// rows of one card must arrive in the order they were appended
		registry.setPreservePublishOrder(true);
	}

}
