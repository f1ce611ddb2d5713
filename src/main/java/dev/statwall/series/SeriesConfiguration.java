package dev.statwall.series;

import java.time.Clock;
import java.time.Duration;

import dev.statwall.role.ConditionalOnRole;
import dev.statwall.role.Role;
import dev.statwall.sampling.LocalNode;
import dev.statwall.sampling.SamplingProperties;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.util.unit.DataSize;

/** The history store, its checkpoints and retention, and a standalone node's own samples into it. */
@Configuration(proxyBeanMethods = false)
class SeriesConfiguration implements SchedulingConfigurer {

	private final SeriesStore store;

	private final HistoryProperties history;

	SeriesConfiguration(SeriesStore store, HistoryProperties history) {
		this.store = store;
		this.history = history;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this.store::checkpoint, this.history.checkpointInterval());
		registrar.addFixedDelayTask(this.store::retain, Duration.ofMinutes(1));
		// while the disk fails, try again every few seconds rather than at the next checkpoint
		registrar.addFixedDelayTask(() -> {
			if (this.store.failure() != null) {
				this.store.checkpoint();
			}
		}, RETRY);
	}

	static final Duration RETRY = Duration.ofSeconds(5);

	/** Without history, what the cards need stays in memory: twenty minutes of samples, a day of minutes. */
	static HistoryProperties inMemory(HistoryProperties history) {
		return HistoryProperties.of(false, new HistoryProperties.Tier(Duration.ofMinutes(20), DataSize.ofMegabytes(256)),
				new HistoryProperties.Tier(Duration.ofDays(1), DataSize.ofMegabytes(64)),
				new HistoryProperties.Tier(Duration.ofDays(7), DataSize.ofMegabytes(16)), false,
				history.checkpointInterval());
	}

	@Configuration(proxyBeanMethods = false)
	static class Beans {

		@Bean(destroyMethod = "close")
		static SeriesStore seriesStore(HistoryProperties history, DataProperties data, Clock clock) {
			return history.enabled() ? SeriesStore.open(history, clock, data.dataDir())
					: SeriesStore.inMemory(inMemory(history), clock);
		}

		@Bean
		static HistoryHealth historyHealthIndicator(SeriesStore store) {
			return new HistoryHealth(store);
		}

		@Bean
		static Tables tables() {
			return new Tables();
		}

		@Bean
		@ConditionalOnRole(Role.STANDALONE)
		static LocalRecorder localRecorder(SeriesStore store, Tables tables, LocalNode node, SamplingProperties sampling,
				ApplicationEventPublisher events) {
			return new LocalRecorder(store, tables, node.name(), sampling.interval().toMillis(), events);
		}

	}

}
