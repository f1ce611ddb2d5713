package dev.statwall.alert;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;

/**
 * Alerts: the rules, and where notifications go.
 *
 * @param enabled evaluate rules at all; off, nothing fires and nothing is sent
 * @param defaultRules the bundled rules (filesystem full, memory, swap, CPU pinned, CPU hot) on top
 * of the built-in {@code node_offline}; a rule of yours with the same name overrides or switches off one
 * @param rules your rules; each overrides a bundled one of the same name
 * @param history how long the log of state changes is kept
 * @param queueSize notifications each receiver holds while it cannot be reached; beyond it the oldest are
 * dropped and counted
 * @param retryInitial the longest wait before the first retry of a failed delivery; it doubles with each
 * failure, with full jitter
 * @param retryMax the longest wait between two retries
 * @param timeout how long one delivery (an HTTP request, an SMTP conversation) may take
 * @param externalUrl where people reach this statwall, such as {@code https://statwall.example.org}; links
 * in notifications point there
 * @param alertmanager Prometheus Alertmanagers to push alerts to
 * @param webhooks URLs that receive Alertmanager's webhook payload
 * @param email email for every state change, through {@code spring.mail.*}
 */
@ConfigurationProperties("statwall.alerts")
@Validated
public record AlertProperties(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean defaultRules,
		@DefaultValue List<@Valid Rule> rules, @DefaultValue("7d") @NotNull Duration history,
		@DefaultValue("10000") @Positive int queueSize, @DefaultValue("1s") @NotNull Duration retryInitial,
		@DefaultValue("5m") @NotNull Duration retryMax, @DefaultValue("10s") @NotNull Duration timeout,
		@Nullable URI externalUrl, @DefaultValue @Valid Alertmanager alertmanager,
		@DefaultValue List<@Valid Webhook> webhooks, @DefaultValue @Valid Email email) {

	/**
	 * A rule, as written in application.yml. Every key but {@code name} may be left out when the rule
	 * overrides a bundled one of the same name: what it leaves out stays as bundled.
	 *
	 * @param name unique: Alertmanager's {@code alertname}; letters, digits, {@code _}, {@code -}, {@code .}
	 * @param enabled false switches the rule (or the bundled rule of that name) off
	 * @param metric what it watches, such as {@code memory.usage}; {@code *} matches one part, so
	 * {@code fs.*.usage} is one alert per mount
	 * @param nodes which nodes, a glob over node names such as {@code pi-*}; default all
	 * @param above fires when the value is above this
	 * @param below fires when the value is below this
	 * @param window the span the function looks at, such as {@code 5m}; none means the newest value
	 * @param function {@code avg}, {@code min}, {@code max} or {@code last} of the window
	 * @param holdFor how long the condition must hold before the alert fires ({@code for})
	 * @param clearBelow once firing, an {@code above} alert resolves only when the value drops below this
	 * @param clearAbove once firing, a {@code below} alert resolves only when the value rises above this
	 * @param severity {@code warning} or {@code critical}
	 * @param summary a value template, such as {@code '{{percent usage}} CPU on {{node}}'}
	 */
	public record Rule(@NotBlank @Pattern(regexp = "[A-Za-z_][A-Za-z0-9_.-]*",
			message = "must start with a letter or '_' and hold only letters, digits, '_', '-' and '.'") String name,
			@Nullable Boolean enabled, @Nullable String metric, @Nullable String nodes, @Nullable Double above,
			@Nullable Double below, @Nullable Duration window, @Nullable WindowFunction function,
			@Name("for") @Nullable Duration holdFor, @Nullable Double clearBelow, @Nullable Double clearAbove,
			@Nullable Severity severity, @Nullable String summary) {

		/** This rule with what {@code override} sets put over it; a new condition replaces the whole condition. */
		Rule with(Rule override) {
			boolean condition = override.above != null || override.below != null;
			return new Rule(this.name, (override.enabled != null) ? override.enabled : this.enabled,
					(override.metric != null) ? override.metric : this.metric,
					(override.nodes != null) ? override.nodes : this.nodes,
					condition ? override.above : this.above, condition ? override.below : this.below,
					(override.window != null) ? override.window : this.window,
					(override.function != null) ? override.function : this.function,
					(override.holdFor != null) ? override.holdFor : this.holdFor,
					condition ? override.clearBelow : (override.clearBelow != null) ? override.clearBelow : this.clearBelow,
					condition ? override.clearAbove : (override.clearAbove != null) ? override.clearAbove : this.clearAbove,
					(override.severity != null) ? override.severity : this.severity,
					(override.summary != null) ? override.summary : this.summary);
		}

	}

	/**
	 * Prometheus Alertmanagers.
	 *
	 * @param urls each Alertmanager, such as {@code http://alertmanager:9093}; alerts are pushed to every one,
	 * as Prometheus does with a cluster of them
	 * @param resendInterval how often firing alerts are sent again, so Alertmanager keeps them; each is sent
	 * valid for four times this, so they resolve by themselves when statwall is gone
	 */
	public record Alertmanager(@DefaultValue List<URI> urls, @DefaultValue("1m") @NotNull Duration resendInterval) {
	}

	/**
	 * A webhook: it receives Alertmanager's webhook payload (version 4) with every change.
	 *
	 * @param url where to POST it
	 * @param token sent as {@code Authorization: Bearer <token>} when set; never logged
	 */
	public record Webhook(@NotNull URI url, @Nullable String token) {

		@Override
		public String toString() {
			return "Webhook[url=" + this.url + ", token=" + ((this.token == null) ? "none" : "***") + "]";
		}

	}

	/**
	 * Email.
	 *
	 * @param to recipients; none means no email
	 * @param from the sender address; default {@code spring.mail.username}, else {@code statwall@localhost}
	 */
	public record Email(@DefaultValue List<String> to, @Nullable String from) {
	}

}
