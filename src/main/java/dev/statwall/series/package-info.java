/**
 * The store of every metric's series of every node: tier 0 keeps each sample in compressed
 * blocks, tiers 1 and 2 keep per-minute and per-hour rollups; cards, charts, the history API and
 * alerts all read from here.
 */
@NullMarked
package dev.statwall.series;

import org.jspecify.annotations.NullMarked;
