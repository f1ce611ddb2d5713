package dev.statwall.card;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.statwall.sampling.Metric;
import dev.statwall.series.NodeInfo;

/**
 * Which cards each node gets: this node's as configured; another's fitted to the metrics it
 * reports (its own cores, disks and sensors, n/a for what it lacks), with each card's columns
 * found once in the node's metric order, so a sample is pushed to a card without a lookup by name.
 */
public final class NodeDashboards {

	private final Dashboard dashboard;

	private final String localNode;

	private final Map<String, NodeCards> nodes = new ConcurrentHashMap<>();

	/** Nodes that report the same metrics share one fitted dashboard. */
	private final Map<Set<String>, Dashboard> shared = new ConcurrentHashMap<>();

	public NodeDashboards(Dashboard dashboard, String localNode) {
		this.dashboard = dashboard;
		this.localNode = localNode;
	}

	/** The cards of a node that has not sent anything yet, or is unknown: as configured. */
	public Dashboard configured() {
		return this.dashboard;
	}

	public Dashboard dashboard(NodeInfo node) {
		return cards(node).dashboard();
	}

	/**
	 * A node's cards with their columns in the node's metric order. Metrics only ever add up, so a
	 * node is fitted again only when it reports more than before.
	 */
	public NodeCards cards(NodeInfo node) {
		NodeCards known = this.nodes.get(node.name());
		if (known != null && known.metricCount() == node.metrics().size()) {
			return known;
		}
		Dashboard fitted = node.name().equals(this.localNode) ? this.dashboard
				: this.shared.computeIfAbsent(Set.copyOf(node.metrics()),
						(metrics) -> this.dashboard.forNode(metrics.stream().sorted().map(Metric::named).toList()));
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < node.metrics().size(); i++) {
			index.put(node.metrics().get(i), i);
		}
		Map<String, int[]> columns = new HashMap<>();
		for (PageDefinition page : fitted.pages()) {
			for (CardDefinition card : page.cards()) {
				List<String> metrics = card.metrics();
				int[] indexes = new int[metrics.size()];
				for (int c = 0; c < indexes.length; c++) {
					indexes[c] = index.getOrDefault(metrics.get(c), -1);
				}
				columns.put(card.id(), indexes);
			}
		}
		NodeCards cards = new NodeCards(fitted, node.metrics().size(), Map.copyOf(columns));
		this.nodes.put(node.name(), cards);
		return cards;
	}

	public void forget(String node) {
		this.nodes.remove(node);
		// fitted dashboards no node uses any more go too
		Set<Dashboard> used = new HashSet<>();
		this.nodes.values().forEach((cards) -> used.add(cards.dashboard()));
		this.shared.values().removeIf((fitted) -> !used.contains(fitted));
	}

	/**
	 * A node's cards, fitted.
	 *
	 * @param dashboard its pages and cards
	 * @param metricCount how many metrics it had when fitted
	 * @param columns per card id, where each of the card's columns is in the node's metric order (-1: n/a)
	 */
	public record NodeCards(Dashboard dashboard, int metricCount, Map<String, int[]> columns) {

		public int[] columns(CardDefinition card) {
			int[] indexes = this.columns.get(card.id());
			return (indexes != null) ? indexes : new int[0];
		}

	}

}
