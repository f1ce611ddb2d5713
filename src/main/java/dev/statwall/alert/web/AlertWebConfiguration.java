package dev.statwall.alert.web;

import dev.statwall.alert.AlertBoard;
import dev.statwall.hub.HubProperties;
import dev.statwall.live.LiveSubscriptions;
import dev.statwall.role.ConditionalOnRole;
import dev.statwall.role.Role;
import dev.statwall.security.Access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.SimpMessageSendingOperations;

@Configuration(proxyBeanMethods = false)
@ConditionalOnRole({ Role.STANDALONE, Role.HUB })
class AlertWebConfiguration {

	@Bean
	AlertAdmin alertAdmin(HubProperties hub, Access access) {
		return new AlertAdmin(hub, access);
	}

	@Bean
	AlertPublisher alertPublisher(AlertBoard board, SimpMessageSendingOperations messaging,
			LiveSubscriptions subscriptions) {
		AlertPublisher publisher = new AlertPublisher(board, messaging, subscriptions);
		board.onChange(publisher::publish);
		return publisher;
	}

}
