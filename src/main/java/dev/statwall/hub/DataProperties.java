package dev.statwall.hub;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where statwall keeps what must outlive a restart.
 *
 * @param dataDir directory of the hub's checkpoint store ({@code hub.mv.db}); created if missing
 */
@ConfigurationProperties("statwall")
public record DataProperties(@DefaultValue("./data") Path dataDir) {
}
