package dev.statwall.hub;

import java.time.Duration;
import java.util.Locale;

/** How recently a node was heard from. */
public enum NodeStatus {

	/** Sent a sample within {@code statwall.hub.stale-after}. */
	ONLINE,

	/** Late: nothing for {@code stale-after}, but not yet {@code offline-after}. */
	STALE,

	/** Nothing for {@code statwall.hub.offline-after} or longer. */
	OFFLINE;

	/** The status of a node last seen {@code silence} ago. */
	public static NodeStatus of(Duration silence, Duration staleAfter, Duration offlineAfter) {
		if (silence.compareTo(offlineAfter) >= 0) {
			return OFFLINE;
		}
		return (silence.compareTo(staleAfter) >= 0) ? STALE : ONLINE;
	}

	static NodeStatus of(long lastSeen, long now, Duration staleAfter, Duration offlineAfter) {
		return of(Duration.ofMillis(Math.max(0, now - lastSeen)), staleAfter, offlineAfter);
	}

	/** As written in JSON, CSS and URLs: {@code online}, {@code stale}, {@code offline}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return key();
	}

}
