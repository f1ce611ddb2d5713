package dev.statwall.role;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which role this process runs.
 *
 * @param role standalone (one machine), agent (sends samples to a hub), hub (the cluster's
 * dashboard) or simulator (synthetic agents for demos and load tests)
 */
@ConfigurationProperties("statwall")
public record RoleProperties(@DefaultValue("standalone") Role role) {
}
