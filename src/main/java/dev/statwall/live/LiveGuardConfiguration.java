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
		registration.addDecoratorFactory(LiveConnection::decorate);
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
