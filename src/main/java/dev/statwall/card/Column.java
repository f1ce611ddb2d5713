package dev.statwall.card;

import dev.statwall.sampling.Unit;

/**
 * One column of a card's buffer: a metric, under the name value templates use.
 *
 * @param name the name templates use, such as {@code usage} or {@code core0}
 * @param label what a legend shows, such as {@code core 0} or {@code eth0}
 * @param metric the metric that fills it
 * @param unit what the metric measures
 */
public record Column(String name, String label, String metric, Unit unit) {
}
