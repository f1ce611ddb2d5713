package dev.statwall.hub.web;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.statwall.hub.NodeStatus;

/** The overview's {@code status} parameter: a node status, every node, or only nodes with a firing alert. */
enum StatusFilter {

	ALL(null), ONLINE(NodeStatus.ONLINE), STALE(NodeStatus.STALE), OFFLINE(NodeStatus.OFFLINE), ALERTING(null);

	private final @Nullable NodeStatus status;

	StatusFilter(@Nullable NodeStatus status) {
		this.status = status;
	}

	@Nullable NodeStatus status() {
		return this.status;
	}

	String key() {
		return name().toLowerCase(Locale.ROOT);
	}

}
