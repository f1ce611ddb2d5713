package dev.statwall.card;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.statwall.role.InvalidConfigurationException;
import dev.statwall.role.InvalidConfigurationFailureAnalyzer;
import dev.statwall.sampling.LocalNode;
import dev.statwall.sampling.SystemProbe;
import dev.statwall.series.HistoryProperties;
import dev.statwall.series.SeriesStore;
import dev.statwall.series.Tables;
import dev.statwall.testing.FakeProbe;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/** Binds statwall.pages the way start-up does, and checks every way it can be wrong. */
class DashboardConfigurationTests {

	private static final String CARD = "statwall.pages[0].cards[0].";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(TestBeans.class)
		.withPropertyValues("statwall.pages[0].path=/monitor", CARD + "name=cpu_stats",
				CARD + "type=small_series_stat", CARD + "box=1 1 1 1", CARD + "title=CPU",
				CARD + "value={{usage}}%".replace("{{", "={{"), CARD + "metric=cpu.usage", CARD + "buffer=15",
				CARD + "color=red");

	@Test
	void whenTheTutorialCardIsConfiguredThenItBindsAsWritten() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			CardDefinition card = context.getBean(Dashboard.class).card("monitor.cpu_stats").orElseThrow();
			assertThat(card.type()).isEqualTo(CardType.SMALL_SERIES_STAT);
			assertThat(card.box()).isEqualTo(new Box(1, 1, 1, 1));
			assertThat(card.title()).isEqualTo("CPU");
			assertThat(card.columnNames()).containsExactly("usage");
			assertThat(card.capacity()).isEqualTo(15);
			assertThat(card.color()).isEqualTo("var(--red)");
			assertThat(card.text(new double[] { 4.2 })).isEqualTo("4.2%");
		});
	}

	@Nested
	class WhenInvalidThenStartUpFailsNamingTheKey {

		@Test
		void unknownCardType() {
			failsWith(CARD + "type=bogus_stat", CARD + "type", "bogus_stat");
		}

		@Test
		void malformedBox() {
			failsWith(CARD + "box=1 1 1", CARD + "box", "column row width height");
		}

		@Test
		void bufferOfZero() {
			failsWith(CARD + "buffer=0", CARD + "buffer", "must be greater than 0");
		}

		@Test
		void negativeBuffer() {
			failsWith(CARD + "buffer=-15", CARD + "buffer", "must be greater than 0");
		}

		@Test
		void unknownMetric() {
			failsWith(CARD + "metric=cpu.bogus", CARD + "metric", "unknown metric 'cpu.bogus'");
		}

		@Test
		void duplicateCardNames() {
			String second = "statwall.pages[0].cards[1].";
			failsWith(second + "name=cpu_stats", "statwall.pages[0].cards[1].name", "duplicate card name 'cpu_stats'",
					second + "type=small_stat", second + "box=1 2 1 1", second + "metric=memory.usage");
		}

		@Test
		void templateNamingAColumnTheCardLacks() {
			failsWith(CARD + "value=={{usag}}%", CARD + "value", "unknown column 'usag'");
		}

		@Test
		void unknownColor() {
			failsWith(CARD + "color=chartreuse", CARD + "color", "#rrggbb");
		}

		private void failsWith(String property, String key, String reason, String... more) {
			DashboardConfigurationTests.this.runner.withPropertyValues(property)
				.withPropertyValues(more)
				.run((context) -> {
					assertThat(context).hasFailed();
					String message = describe(context);
					assertThat(message).contains(key).contains(reason);
				});
		}

	}

	@Test
	void whenAMetricIsMissingButTheCardIsOptionalThenItShowsNa() {
		this.runner
			.withPropertyValues(CARD + "metric=sensors.cpu.temperature", CARD + "value=={{temp temperature}}",
					CARD + "optional=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				CardDefinition card = context.getBean(Dashboard.class).card("monitor.cpu_stats").orElseThrow();
				assertThat(card.available()).isFalse();
				assertThat(card.text(new double[] { 1 })).isEqualTo("n/a");
			});
	}

	@Test
	void whenACardNamesADiskThisMachineLacksThenItStopsStartUpUnlessOptional() {
		this.runner.withPropertyValues(CARD + "metric=disk.sdz.read", CARD + "value=={{rate read}}")
			.run((context) -> assertThat(describe(context)).contains(CARD + "metric")
				.contains("unknown metric 'disk.sdz.read'"));
		this.runner.withPropertyValues(CARD + "metric=disk.sdz.read", CARD + "value=={{rate read}}", CARD + "optional=true")
			.run((context) -> {
				CardDefinition card = context.getBean(Dashboard.class).card("monitor.cpu_stats").orElseThrow();
				assertThat(card.text(new double[] { 1024 })).isEqualTo("n/a");
			});
	}

	@Test
	void whenASeriesPatternMatchesEveryCoreThenThereIsOneColumnPerCoreInOrder() {
		this.runner.withPropertyValues(CARD + "series=cpu.core.*.usage").run((context) -> {
			CardDefinition card = context.getBean(Dashboard.class).card("monitor.cpu_stats").orElseThrow();
			assertThat(card.columnNames()).containsExactly("usage", "core0", "core1");
			assertThat(card.plotted()).containsExactly(1, 2);
		});
	}

	/** What start-up prints: Boot's binding analysis, or ours for checks after binding. */
	private static String describe(AssertableApplicationContext context) {
		Throwable failure = context.getStartupFailure();
		StringBuilder text = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			text.append(cause.getMessage()).append('\n');
			if (cause instanceof InvalidConfigurationException invalid) {
				FailureAnalysis analysis = new InvalidConfigurationFailureAnalyzer().analyze(failure);
				text.append(analysis.getDescription());
			}
			if (cause instanceof org.springframework.boot.context.properties.bind.BindException bind) {
				text.append(bind.getName()).append('\n');
			}
			if (cause instanceof org.springframework.boot.context.properties.bind.validation.BindValidationException validation) {
				validation.getValidationErrors()
					.forEach((error) -> text.append(((org.springframework.validation.FieldError) error).getField())
						.append(' ')
						.append(error.getDefaultMessage())
						.append('\n'));
			}
		}
		return text.toString();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ DashboardProperties.class, LocalNode.class })
	@Import(CardConfiguration.class)
	static class TestBeans {

		@Bean
		SystemProbe probe() {
			return new FakeProbe();
		}

		@Bean
		SeriesStore seriesStore() {
			return SeriesStore.inMemory(HistoryProperties.of(true,
					new HistoryProperties.Tier(Duration.ofDays(1), DataSize.ofMegabytes(16)),
					new HistoryProperties.Tier(Duration.ofDays(1), DataSize.ofMegabytes(16)),
					new HistoryProperties.Tier(Duration.ofDays(1), DataSize.ofMegabytes(16)), false,
					Duration.ofMinutes(5)), Clock.systemUTC());
		}

		@Bean
		Tables tables() {
			return new Tables();
		}

	}

}
