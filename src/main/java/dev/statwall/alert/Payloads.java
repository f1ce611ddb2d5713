package dev.statwall.alert;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What receivers are sent, in the shapes they already know: Alertmanager's API v2 alerts and its
 * webhook payload (version 4).
 */
final class Payloads {

	/** Alertmanager's webhook payload says a firing alert ends at Go's zero time. */
	static final String ZERO_TIME = "0001-01-01T00:00:00Z";

	private Payloads() {
	}

	/**
	 * {@code POST /api/v2/alerts}: a firing alert is valid for {@code validFor}, so Alertmanager resolves it
	 * by itself when statwall stops sending; a resolved one ends when it resolved.
	 */
	static List<Map<String, Object>> alertmanager(List<Notification> batch, long now, long validFor,
			@Nullable URI externalUrl) {
		List<Map<String, Object>> alerts = new ArrayList<>(batch.size());
		for (Notification notification : batch) {
			Map<String, Object> alert = new LinkedHashMap<>();
			alert.put("labels", notification.labels());
			alert.put("annotations", annotations(notification));
			alert.put("startsAt", time(notification.activeAt()));
			alert.put("endsAt", notification.firing() ? time(Math.max(now, notification.changedAt()) + validFor)
					: time(notification.resolvedAt()));
			String link = link(externalUrl, notification);
			if (link != null) {
				alert.put("generatorURL", link);
			}
			alerts.add(alert);
		}
		return alerts;
	}

	/** Alertmanager's webhook payload, version 4: one group of the alerts in the batch. */
	static Map<String, Object> webhook(List<Notification> batch, @Nullable URI externalUrl) {
		List<Map<String, Object>> alerts = new ArrayList<>(batch.size());
		boolean firing = false;
		Map<String, String> common = null;
		Map<String, String> commonAnnotations = null;
		for (Notification notification : batch) {
			firing |= notification.firing();
			Map<String, Object> alert = new LinkedHashMap<>();
			alert.put("status", notification.firing() ? "firing" : "resolved");
			alert.put("labels", notification.labels());
			alert.put("annotations", annotations(notification));
			alert.put("startsAt", time(notification.activeAt()));
			alert.put("endsAt", notification.firing() ? ZERO_TIME : time(notification.resolvedAt()));
			String link = link(externalUrl, notification);
			alert.put("generatorURL", (link != null) ? link : "");
			alert.put("fingerprint", notification.id());
			alerts.add(alert);
			common = intersect(common, notification.labels());
			commonAnnotations = intersect(commonAnnotations, annotations(notification));
		}
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("version", "4");
		payload.put("groupKey", "{}:{source=\"statwall\"}");
		payload.put("truncatedAlerts", 0);
		payload.put("status", firing ? "firing" : "resolved");
		payload.put("receiver", "statwall");
		payload.put("groupLabels", Map.of());
		payload.put("commonLabels", (common != null) ? common : Map.of());
		payload.put("commonAnnotations", (commonAnnotations != null) ? commonAnnotations : Map.of());
		payload.put("externalURL", (externalUrl != null) ? externalUrl.toString() : "");
		payload.put("alerts", alerts);
		return payload;
	}

	static Map<String, String> annotations(Notification notification) {
		return Map.of("summary", notification.summary());
	}

	private static Map<String, String> intersect(@Nullable Map<String, String> common, Map<String, String> labels) {
		if (common == null) {
			return new LinkedHashMap<>(labels);
		}
		common.entrySet().removeIf((entry) -> !entry.getValue().equals(labels.get(entry.getKey())));
		return common;
	}

	static String time(long millis) {
		return Instant.ofEpochMilli(millis).toString();
	}

	/** The alert on this statwall's alerts page, when people can reach it. */
	static @Nullable String link(@Nullable URI externalUrl, Notification notification) {
		if (externalUrl == null) {
			return null;
		}
		String base = externalUrl.toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/alerts#alert-" + notification.id();
	}

}
