package dev.statwall.card;

import java.util.List;

/**
 * Published after a sample has been appended to a node's card buffers.
 *
 * @param node the node
 * @param appended the new rows of each card, usually one each
 */
public record CardRowsAppended(String node, List<CardRows> appended) {
}
