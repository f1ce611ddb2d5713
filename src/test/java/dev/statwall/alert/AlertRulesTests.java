package dev.statwall.alert;

import java.time.Duration;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.statwall.role.InvalidConfigurationException;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** Binds statwall.alerts the way start-up does, and checks every way a rule can be wrong. */
class AlertRulesTests {

	private static final String RULE = "statwall.alerts.rules[0].";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Rules.class);

	@Test
	void whenNothingIsConfiguredThenNodeOfflineAndTheBundledRulesApply() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(AlertRules.class).all()).extracting(AlertRule::name)
				.containsExactly("node_offline", "filesystem_full", "memory_high", "swap_heavy", "cpu_pinned", "cpu_hot");
			AlertRule offline = rule(context, "node_offline");
			assertThat(offline.isOffline()).isTrue();
			assertThat(offline.threshold()).as("statwall.hub.offline-after in seconds").isEqualTo(30);
			assertThat(offline.severity()).isEqualTo(Severity.CRITICAL);
			AlertRule disks = rule(context, "filesystem_full");
			assertThat(disks.captureLabel()).isEqualTo("mount");
			assertThat(disks.summarize(93.5, "pi-07", "/data", java.util.Map.of())).isEqualTo("/data on pi-07 is 93.5% full");
		});
	}

	@Test
	void whenARuleIsWrittenAsTheIssueShowsThenItBindsAsWritten() {
		this.runner.withPropertyValues(RULE + "name=cpu_busy", RULE + "metric=cpu.usage", RULE + "nodes=pi-*",
				RULE + "above=90", RULE + "window=5m", RULE + "function=avg", RULE + "for=2m", RULE + "clear-below=80",
				RULE + "severity=critical", RULE + "summary={{percent usage}} CPU on {{node}} ({{text system.os}})")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				AlertRule rule = rule(context, "cpu_busy");
				assertThat(rule.window()).isEqualTo(Duration.ofMinutes(5).toMillis());
				assertThat(rule.function()).isEqualTo(WindowFunction.AVG);
				assertThat(rule.holdFor()).isEqualTo(Duration.ofMinutes(2).toMillis());
				assertThat(rule.clear()).isEqualTo(80);
				assertThat(rule.severity()).isEqualTo(Severity.CRITICAL);
				assertThat(rule.appliesTo("pi-07")).isTrue();
				assertThat(rule.appliesTo("db-1")).isFalse();
				assertThat(rule.summarize(97.25, "pi-07", "", java.util.Map.of("system.os", "Debian")))
					.isEqualTo("97.3% CPU on pi-07 (Debian)");
			});
	}

	@Test
	void whenARuleHasTheNameOfABundledOneThenItOverridesWhatItSetsOrSwitchesItOff() {
		this.runner.withPropertyValues(RULE + "name=memory_high", RULE + "above=95", "statwall.alerts.rules[1].name=cpu_hot",
				"statwall.alerts.rules[1].enabled=false")
			.run((context) -> {
				AlertRule memory = rule(context, "memory_high");
				assertThat(memory.threshold()).isEqualTo(95);
				assertThat(memory.clear()).as("a new condition replaces the bundled clear level").isEqualTo(95);
				assertThat(memory.holdFor()).as("kept as bundled").isEqualTo(Duration.ofMinutes(5).toMillis());
				assertThat(context.getBean(AlertRules.class).all()).extracting(AlertRule::name).doesNotContain("cpu_hot");
			});
		this.runner.withPropertyValues("statwall.alerts.default-rules=false")
			.run((context) -> assertThat(context.getBean(AlertRules.class).all()).extracting(AlertRule::name)
				.containsExactly("node_offline"));
	}

	@Nested
	class WhenInvalidThenStartUpFailsNamingTheKey {

		@Test
		void missingName() {
			failsWith(RULE + "name", "must not be blank", RULE + "metric=cpu.usage", RULE + "above=1");
		}

		@Test
		void nameWithSpaces() {
			failsWith(RULE + "name", "letters, digits", RULE + "name=cpu busy", RULE + "metric=cpu.usage", RULE + "above=1");
		}

		@Test
		void duplicateName() {
			failsWith("statwall.alerts.rules[1].name", "duplicate rule name 'x'", RULE + "name=x", RULE + "metric=cpu.usage",
					RULE + "above=1", "statwall.alerts.rules[1].name=x", "statwall.alerts.rules[1].metric=cpu.usage",
					"statwall.alerts.rules[1].above=2");
		}

		@Test
		void noMetric() {
			failsWith(RULE + "metric", "needs a metric", RULE + "name=x", RULE + "above=1");
		}

		@Test
		void twoStars() {
			failsWith(RULE + "metric", "more than one '*'", RULE + "name=x", RULE + "metric=net.*.*", RULE + "above=1");
		}

		@Test
		void noCondition() {
			failsWith(RULE + "above", "needs a condition", RULE + "name=x", RULE + "metric=cpu.usage");
		}

		@Test
		void aboveAndBelow() {
			failsWith(RULE + "below", "both above and below", RULE + "name=x", RULE + "metric=cpu.usage", RULE + "above=9",
					RULE + "below=1");
		}

		@Test
		void aboveThatIsNotANumber() {
			failsWith(RULE + "above", "ninety", RULE + "name=x", RULE + "metric=cpu.usage", RULE + "above=ninety");
		}

		@Test
		void clearBelowAboveTheThreshold() {
			failsWith(RULE + "clear-below", "must not be above 'above' (90)", RULE + "name=x", RULE + "metric=cpu.usage",
					RULE + "above=90", RULE + "clear-below=95");
		}

		@Test
		void clearAboveOnAnAboveRule() {
			failsWith(RULE + "clear-above", "goes with below", RULE + "name=x", RULE + "metric=cpu.usage", RULE + "above=90",
					RULE + "clear-above=95");
		}

		@Test
		void clearAboveUnderTheThreshold() {
			failsWith(RULE + "clear-above", "must not be below 'below' (10)", RULE + "name=x", RULE + "metric=memory.available",
					RULE + "below=10", RULE + "clear-above=5");
		}

		@Test
		void windowThatIsNotADuration() {
			failsWith(RULE + "window", "5 minutes", RULE + "name=x", RULE + "metric=cpu.usage", RULE + "above=1",
					RULE + "window=5 minutes");
		}

		@Test
		void windowOfPartMinutes() {
			failsWith(RULE + "window", "whole minutes", RULE + "name=x", RULE + "metric=cpu.usage", RULE + "above=1",
					RULE + "window=90s", RULE + "function=avg");
		}

		@Test
		void windowShorterThanAMinute() {
			failsWith(RULE + "window", "use 'for'", RULE + "name=x", RULE + "metric=cpu.usage", RULE + "above=1",
					RULE + "window=30s", RULE + "function=max");
		}

		@Test
		void windowLongerThanADay() {
			failsWith(RULE + "window", "at most 24h", RULE + "name=x", RULE + "metric=cpu.usage", RULE + "above=1",
					RULE + "window=2d", RULE + "function=max");
		}

		@Test
		void functionWithoutWindow() {
			failsWith(RULE + "function", "avg needs a window", RULE + "name=x", RULE + "metric=cpu.usage", RULE + "above=1",
					RULE + "function=avg");
		}

		@Test
		void unknownFunction() {
			failsWith(RULE + "function", "median", RULE + "name=x", RULE + "metric=cpu.usage", RULE + "above=1",
					RULE + "window=1m", RULE + "function=median");
		}

		@Test
		void negativeFor() {
			failsWith(RULE + "for", "must not be negative", RULE + "name=x", RULE + "metric=cpu.usage", RULE + "above=1",
					RULE + "for=-1m");
		}

		@Test
		void unknownSeverity() {
			failsWith(RULE + "severity", "page-me", RULE + "name=x", RULE + "metric=cpu.usage", RULE + "above=1",
					RULE + "severity=page-me");
		}

		@Test
		void summaryWithAnUnknownColumn() {
			failsWith(RULE + "summary", "unknown column 'usag'", RULE + "name=x", RULE + "metric=cpu.usage", RULE + "above=1",
					RULE + "summary={{percent usag}} on {{node}}");
		}

		@Test
		void summaryWithAnUnknownHelper() {
			failsWith(RULE + "summary", "unknown helper 'celsius'", RULE + "name=x", RULE + "metric=cpu.usage",
					RULE + "above=1", RULE + "summary={{celsius usage}}");
		}

		@Test
		void nodeOfflineWithAMetric() {
			failsWith(RULE + "metric", "node_offline watches silence", RULE + "name=node_offline", RULE + "metric=cpu.usage");
		}

		@Test
		void webhookThatIsNotHttp() {
			failsWith("statwall.alerts.webhooks[0].url", "http:// or https://",
					"statwall.alerts.webhooks[0].url=ftp://example.org/hook");
		}

		@Test
		void alertmanagerThatIsNotAnAddress() {
			failsWith("statwall.alerts.alertmanager.urls[1]", "http:// or https://",
					"statwall.alerts.alertmanager.urls=http://am:9093,am2:9093");
		}

		@Test
		void zeroQueue() {
			failsWith("statwall.alerts.queue-size", "must be greater than 0", "statwall.alerts.queue-size=0");
		}

		@Test
		void zeroResendInterval() {
			failsWith("statwall.alerts.alertmanager.resend-interval", "must be positive",
					"statwall.alerts.alertmanager.resend-interval=0s");
		}

		private void failsWith(String key, String reason, String... properties) {
			AlertRulesTests.this.runner.withPropertyValues(properties).run((context) -> {
				assertThat(context).hasFailed();
				assertThat(describe(context)).contains(key).contains(reason);
			});
		}

	}

	private static AlertRule rule(AssertableApplicationContext context, String name) {
		return context.getBean(AlertRules.class).all().stream().filter((r) -> r.name().equals(name)).findFirst().orElseThrow();
	}

	/** What start-up prints: Boot's binding analysis, or ours for checks after binding. */
	static String describe(AssertableApplicationContext context) {
		Throwable failure = context.getStartupFailure();
		StringBuilder text = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			text.append(cause.getMessage()).append('\n');
			if (cause instanceof InvalidConfigurationException invalid) {
				text.append("Invalid statwall configuration at '").append(invalid.key()).append("': ").append(invalid.reason())
					.append('\n');
			}
			if (cause instanceof BindException bind) {
				text.append(bind.getName()).append(' ').append(bind.getProperty()).append('\n');
			}
			if (cause instanceof BindValidationException validation) {
				validation.getValidationErrors()
					.forEach((error) -> text.append(validation.getValidationErrors().getName())
						.append('.')
						.append(((org.springframework.validation.FieldError) error).getField())
						.append(' ')
						.append(error.getDefaultMessage())
						.append('\n'));
			}
		}
		return text.toString();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ AlertProperties.class, dev.statwall.hub.HubProperties.class })
	static class Rules {

		@Bean
		AlertRules alertRules(AlertProperties properties, dev.statwall.hub.HubProperties hub) {
			return AlertRules.of(properties, hub.offlineAfter());
		}

	}

}
