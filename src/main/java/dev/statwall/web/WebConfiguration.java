package dev.statwall.web;

import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

import dev.statwall.card.CardSeries;
import dev.statwall.card.Dashboard;
import dev.statwall.role.ConditionalOnRole;
import dev.statwall.role.Role;
import dev.statwall.sampling.LocalNode;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	@Bean
	CardViews cardViews(CardSeries cards, JsonMapper json) {
		return new CardViews(cards, json);
	}

	/** Parameters as people type them: enums in any case ({@code ?sort=cpu}), durations as {@code 1h}. */
	@Bean
	WebMvcConfigurer parameterConverters() {
		return new WebMvcConfigurer() {
			@Override
			public void addFormatters(FormatterRegistry registry) {
				ApplicationConversionService.addApplicationConverters(registry);
			}
		};
	}

	/** A hub serves every node's pages under /nodes/{name} and the overview at /. */
	@Bean
	@ConditionalOnRole(Role.STANDALONE)
	PageController pageController(Dashboard dashboard, CardViews views, LocalNode node, Clock clock,
			@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping) {
		PageController controller = new PageController(dashboard, views, node, clock);
		controller.register(mapping);
		return controller;
	}

}
