package dev.statwall.sampling;

/**
 * One reading of a node, numbered by the sampler.
 *
 * @param tick one more than the previous sample's tick, starting at 1
 * @param time when the read started, in epoch milliseconds
 * @param reading what was read
 */
public record Sample(long tick, long time, Reading reading) {
}
