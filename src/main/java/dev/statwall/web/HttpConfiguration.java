package dev.statwall.web;

import jakarta.servlet.DispatcherType;
import org.apache.coyote.http11.AbstractHttp11Protocol;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * What one request may cost the server and what it must be to be taken: see {@link HttpProperties},
 * {@link RequestBodyFilter} and {@link MalformedHeaderFilter}.
 */
@Configuration(proxyBeanMethods = false)
class HttpConfiguration {

	/** First of all: nothing else has parsed a header yet. */
	@Bean
	FilterRegistrationBean<MalformedHeaderFilter> malformedHeaderFilter() {
		FilterRegistrationBean<MalformedHeaderFilter> registration = new FilterRegistrationBean<>(
				new MalformedHeaderFilter());
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RequestBodyFilter> requestBodyFilter(HttpProperties properties) {
		FilterRegistrationBean<RequestBodyFilter> registration = new FilterRegistrationBean<>(
				new RequestBodyFilter(properties.bodyTimeout()));
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		// before security, which refuses requests before their body is read
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/**
	 * A body that is not read is not swallowed either (the connection closes instead), and one read
	 * of a body waits at most the body timeout.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> requestBodyLimits(HttpProperties properties) {
		int timeout = (int) Math.min(Integer.MAX_VALUE, properties.bodyTimeout().toMillis());
		return (factory) -> factory.addConnectorCustomizers((connector) -> {
			if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
				http.setMaxSwallowSize(0);
				http.setDisableUploadTimeout(false);
				http.setConnectionUploadTimeout(timeout);
			}
		});
	}

}
