package dev.statwall.live;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContext;
import jakarta.websocket.server.ServerContainer;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.context.ServletContextAware;

/**
 * What the live channel accepts: same-origin handshakes, a few frame types to a few destinations,
 * small frames and a bounded number of subscriptions (see {@link LiveChannelGuard}).
 */
@Configuration(proxyBeanMethods = false)
class LiveGuardConfiguration implements WebSocketMessageBrokerConfigurer {

	private final LiveProperties properties;

	LiveGuardConfiguration(LiveProperties properties) {
		this.properties = properties;
	}

	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		registration.interceptors(new LiveChannelGuard(this.properties.maxSubscriptions()));
	}

	@Override
	public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
		registration.setMessageSizeLimit(maxFrameSize());
		// a client that does not read is closed once either limit is passed (Spring's TERMINATE)
		registration.setSendTimeLimit((int) Math.min(Integer.MAX_VALUE, this.properties.sendTimeLimit().toMillis()));
		registration.setSendBufferSizeLimit((int) this.properties.sendBufferSize().toBytes());
		registration.addDecoratorFactory((handler) -> LiveConnection.decorate(handler, this.properties.sendTimeLimit()));
	}

	/**
	 * Each client that does not read holds one sending thread until its send times out: with a few
	 * threads, a few such clients would hold them all and every other viewer would wait.
	 */
	@Override
	public void configureClientOutboundChannel(ChannelRegistration registration) {
		registration.taskExecutor().corePoolSize(Math.max(16, 4 * Runtime.getRuntime().availableProcessors()));
	}

	private int maxFrameSize() {
		return (int) this.properties.maxFrameSize().toBytes();
	}

	/**
	 * The container refuses (closes with 1009) a WebSocket message larger than a frame may be. Only
	 * where there is a WebSocket container: a test's mock servlet context has none.
	 */
	@Bean
	ServletContextAware liveWebSocketContainer() {
		int max = maxFrameSize();
		return (ServletContext context) -> {
			if (context.getAttribute(ServerContainer.class.getName()) instanceof ServerContainer container) {
				container.setDefaultMaxTextMessageBufferSize(max);
				container.setDefaultMaxBinaryMessageBufferSize(max);
			}
		};
	}

	@Bean
	FilterRegistrationBean<SameOriginFilter> liveSameOriginFilter() {
		FilterRegistrationBean<SameOriginFilter> registration = new FilterRegistrationBean<>(new SameOriginFilter());
		registration.addUrlPatterns("/ws", "/ws/*");
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		// after a forwarded-headers filter, before security and everything that parses the Origin
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

}
