package dev.statwall.series;

import java.util.List;
import java.util.Map;

import dev.statwall.buffer.MapBuffer.MapChange;

/**
 * Published once per sample after it is stored (and, where someone waits for an answer, made
 * durable): what live clients are sent is exactly what history holds.
 *
 * @param node the node after the sample
 * @param rows the rows appended: a gap row first if the node had been silent, then the sample;
 * values follow {@link NodeInfo#metrics()}
 * @param tables what changed in the node's tables, by table
 */
public record SampleStored(NodeInfo node, List<Row> rows, Map<String, MapChange> tables) {
}
