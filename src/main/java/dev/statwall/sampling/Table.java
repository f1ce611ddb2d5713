package dev.statwall.sampling;

import java.util.List;
import java.util.Map;

/**
 * Keyed rows read in one sample, such as the top processes; a table card shows them through a map
 * buffer.
 *
 * @param columns the column names, in order
 * @param rows cells per key, following {@code columns}; a key stays the same between samples
 */
public record Table(List<String> columns, Map<String, List<Object>> rows) {
}
