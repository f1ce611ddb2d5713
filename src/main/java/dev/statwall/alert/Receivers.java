package dev.statwall.alert;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import dev.statwall.role.InvalidConfigurationException;

import org.springframework.mail.javamail.JavaMailSender;

/** Builds the receivers from {@code statwall.alerts}, checking each; a receiver that cannot work stops start-up. */
final class Receivers {

	private Receivers() {
	}

	static void checkUrl(String key, @Nullable URI url) {
		if (url == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
			throw new InvalidConfigurationException(key,
					"must be an http:// or https:// address such as http://alertmanager:9093, was " + url);
		}
	}

	static Notifier notifier(AlertProperties properties, @Nullable JavaMailSender mail, @Nullable String mailUser,
			JsonMapper json, Clock clock, MeterRegistry meters, BiConsumer<String, Notification> delivered) {
		Duration timeout = properties.timeout();
		// only when something is sent over HTTP: a JDK HttpClient costs a start about half a second
		HttpClient http = (properties.alertmanager().urls().isEmpty() && properties.webhooks().isEmpty()) ? null
				: HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
		List<Outbox> outboxes = new ArrayList<>();
		Set<String> resending = new HashSet<>();
		URI external = properties.externalUrl();
		List<URI> managers = properties.alertmanager().urls();
		for (int i = 0; i < managers.size(); i++) {
			String name = "alertmanager[" + i + "]";
			outboxes.add(outbox(properties, name, HttpSender.alertmanager(Objects.requireNonNull(http), managers.get(i), timeout, json, clock,
					properties.alertmanager().resendInterval(), external), delivered, meters));
			resending.add(name);
		}
		for (int i = 0; i < properties.webhooks().size(); i++) {
			AlertProperties.Webhook webhook = properties.webhooks().get(i);
			outboxes.add(outbox(properties, "webhook[" + i + "]",
					HttpSender.webhook(Objects.requireNonNull(http), webhook.url(), webhook.token(), timeout, json, external), delivered, meters));
		}
		List<String> to = properties.email().to();
		if (!to.isEmpty()) {
			for (int i = 0; i < to.size(); i++) {
				address("statwall.alerts.email.to[" + i + "]", to.get(i));
			}
			if (mail == null) {
				throw new InvalidConfigurationException("statwall.alerts.email.to",
						"alert emails need an SMTP server: set spring.mail.host (and spring.mail.port, username, password)");
			}
			String from = properties.email().from();
			if (from == null || from.isBlank()) {
				from = (mailUser != null && mailUser.contains("@")) ? mailUser : "statwall@localhost";
			}
			else {
				address("statwall.alerts.email.from", from);
			}
			outboxes.add(outbox(properties, "email", new EmailSender(mail, from, to, external), delivered, meters));
		}
		return new Notifier(outboxes, resending);
	}

	private static Outbox outbox(AlertProperties properties, String name, Outbox.Sender sender,
			BiConsumer<String, Notification> delivered, MeterRegistry meters) {
		return new Outbox(name, sender, properties.queueSize(), properties.retryInitial(), properties.retryMax(),
				delivered, meters);
	}

	private static void address(String key, String address) {
		try {
			new InternetAddress(address, true);
		}
		catch (AddressException ex) {
			throw new InvalidConfigurationException(key, "'" + address + "' is not an email address: " + ex.getMessage());
		}
	}

}
