package dev.statwall.card;

import java.util.List;

/**
 * Published after a sample has been appended to a node's card buffers.
 *
 * @param node the node
 * @param appended the new rows of each card, usually one each
 * @param tables what changed in each table card
 */
public record CardRowsAppended(String node, List<CardRows> appended, List<TableRows> tables) {
}
