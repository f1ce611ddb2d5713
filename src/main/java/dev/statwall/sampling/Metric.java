package dev.statwall.sampling;

/**
 * A number this node reports every sample, under a stable name such as {@code cpu.usage} that
 * cards refer to.
 *
 * @param name stable dotted name
 * @param unit what the number measures
 * @param help one line for people: what it is and how it is measured
 */
public record Metric(String name, Unit unit, String help) {
}
