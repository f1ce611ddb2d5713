package dev.statwall.alert;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every receiver's outbox: Alertmanagers, webhooks, email. Changes go to all of them, at least
 * once; Alertmanagers also get the firing alerts again every resend interval, as they expect.
 */
final class Notifier implements AutoCloseable {

	private final Map<String, Outbox> outboxes = new LinkedHashMap<>();

	private final Set<String> resending;

	private final Set<String> names;

	Notifier(List<Outbox> outboxes, Set<String> resending) {
		outboxes.forEach((outbox) -> this.outboxes.put(outbox.name(), outbox));
		this.resending = Set.copyOf(resending);
		this.names = Set.copyOf(this.outboxes.keySet());
	}

	/** The receivers' names, such as {@code alertmanager[0]}, {@code webhook[1]}, {@code email}. */
	Set<String> receivers() {
		return this.names;
	}

	/** Queues a notification for the receivers named; names no longer configured are skipped. */
	void send(Notification notification, Collection<String> to) {
		for (String name : to) {
			Outbox outbox = this.outboxes.get(name);
			if (outbox != null) {
				outbox.offer(notification);
			}
		}
	}

	/** Firing alerts again, to Alertmanagers that are reachable: one that is not gets them once it is back. */
	void resend(List<Notification> firing) {
		if (firing.isEmpty()) {
			return;
		}
		for (String name : this.resending) {
			Outbox outbox = this.outboxes.get(name);
			if (outbox != null && !outbox.failing()) {
				firing.forEach(outbox::offer);
			}
		}
	}

	@Override
	public void close() {
		this.outboxes.values().forEach(Outbox::close);
	}

}
