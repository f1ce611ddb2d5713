package dev.statwall.card;

import dev.statwall.buffer.BufferRepository;
import dev.statwall.role.ConditionalOnRole;
import dev.statwall.role.Role;
import dev.statwall.sampling.LocalNode;
import dev.statwall.sampling.Sample;
import dev.statwall.sampling.SystemProbe;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

@Configuration(proxyBeanMethods = false)
class CardConfiguration {

	@Bean
	Dashboard dashboard(DashboardProperties properties, SystemProbe probe) {
		return new Dashboard(properties, probe.metrics());
	}

	@Bean
	CardBuffers cardBuffers(Dashboard dashboard, BufferRepository buffers, LocalNode node) {
		return new CardBuffers(dashboard, buffers, node.name());
	}

	/** On a hub the node registry records the hub's own samples, with every other node's. */
	@Bean
	@ConditionalOnRole(Role.STANDALONE)
	LocalCardRecorder localCardRecorder(CardBuffers cards, LocalNode node, ApplicationEventPublisher events) {
		return new LocalCardRecorder(cards, node.name(), events);
	}

	/** Appends this node's own samples to its cards. */
	static final class LocalCardRecorder {

		private final CardBuffers cards;

		private final String node;

		private final ApplicationEventPublisher events;

		LocalCardRecorder(CardBuffers cards, String node, ApplicationEventPublisher events) {
			this.cards = cards;
			this.node = node;
			this.events = events;
		}

		@EventListener
		void record(Sample sample) {
			this.events.publishEvent(this.cards.append(this.node, sample.time(), sample.reading()));
		}

	}

}
