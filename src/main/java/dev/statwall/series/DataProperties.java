package dev.statwall.series;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where statwall keeps what must outlive a restart.
 *
 * @param dataDir directory of the history store ({@code statwall.mv.db} and its log); created if missing
 */
@ConfigurationProperties("statwall")
public record DataProperties(@DefaultValue("./data") Path dataDir) {
}
