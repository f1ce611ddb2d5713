package dev.statwall.hub;

import org.jspecify.annotations.Nullable;

/**
 * The worst alert firing on each node, for the overview's outlines and its "alerting" filter. The
 * alert feature, which builds on the hub, provides it; without it nothing is alerting.
 */
@FunctionalInterface
public interface NodeAlerts {

	NodeAlerts NONE = (node) -> null;

	/** {@code critical}, {@code warning}, or null when nothing fires on the node. */
	@Nullable String worst(String node);

}
