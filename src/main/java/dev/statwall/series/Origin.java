package dev.statwall.series;

/**
 * Where a sample came from: the sender's run (a new id every time it starts) and the sample's
 * number in that run. Kept with every sample, so the hub takes each one exactly once, also after
 * it restarts.
 *
 * @param run the sender's run id
 * @param seq the sample's number in that run, increasing
 * @param dropped samples the sender dropped in this run so far, because its spool was full
 */
public record Origin(String run, long seq, long dropped) {
}
