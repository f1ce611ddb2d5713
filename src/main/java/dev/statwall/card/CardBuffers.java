package dev.statwall.card;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.statwall.buffer.BufferRepository;
import dev.statwall.buffer.CyclicBuffer;
import dev.statwall.buffer.MapBuffer;
import dev.statwall.buffer.MapBuffer.KeyedRow;
import dev.statwall.buffer.MapBuffer.MapChange;
import dev.statwall.buffer.Row;
import dev.statwall.sampling.Metric;
import dev.statwall.sampling.Reading;
import dev.statwall.sampling.Table;

/** Fills every card's buffer from samples and reads them back for pages and live clients. */
public final class CardBuffers {

	private final Dashboard dashboard;

	private final BufferRepository buffers;

	private final String localNode;

	/** Other nodes' dashboards: expanded for their own cores and disks, n/a where they lack a metric. */
	private final Map<String, NodeDashboard> nodes = new ConcurrentHashMap<>();

	/** Nodes that report the same metrics share one dashboard. */
	private final Map<Set<String>, Dashboard> shared = new ConcurrentHashMap<>();

	/** The newest texts (OS name, kernel...) of each node; they change rarely, so rows don't carry them. */
	private final Map<String, Map<String, String>> texts = new ConcurrentHashMap<>();

	/** Each node's newest reading, for exporters that want the present, not the rows. */
	private final Map<String, Reading> latest = new ConcurrentHashMap<>();

	public CardBuffers(Dashboard dashboard, BufferRepository buffers, String localNode) {
		this.dashboard = dashboard;
		this.buffers = buffers;
		this.localNode = localNode;
	}

	/** The cards of a node: this node's as configured, another's fitted to the metrics it reports. */
	public Dashboard dashboard(String node) {
		if (node.equals(this.localNode)) {
			return this.dashboard;
		}
		NodeDashboard known = this.nodes.get(node);
		return (known != null) ? known.dashboard() : this.dashboard;
	}

	/**
	 * Fits a node's cards to the metrics it reports. Metrics only ever add up: one missing from a
	 * reading is n/a, not a reason to rebuild the node's buffers.
	 */
	public void knowMetrics(String node, Collection<String> names) {
		if (node.equals(this.localNode)) {
			return;
		}
		NodeDashboard known = this.nodes.get(node);
		if (known != null && known.names().size() >= names.size() && known.names().containsAll(names)) {
			return;
		}
		Set<String> union = new HashSet<>(names);
		if (known != null) {
			union.addAll(known.names());
		}
		Set<String> key = Set.copyOf(union);
		Dashboard fitted = this.shared.computeIfAbsent(key,
				(metrics) -> this.dashboard.forNode(metrics.stream().map(Metric::named).toList()));
		this.nodes.put(node, new NodeDashboard(key, fitted));
	}

	/** Appends one row per card of every page for a node's sample. */
	public CardRowsAppended append(String node, long time, Reading reading) {
		if (!reading.texts().isEmpty()) {
			this.texts.put(node, Map.copyOf(reading.texts()));
		}
		this.latest.put(node, reading);
		knowMetrics(node, reading.values().keySet());
		Map<String, String> texts = texts(node);
		List<CardRowsAppended.AppendedRow> appended = new ArrayList<>();
		List<TableRows> tables = new ArrayList<>();
		for (PageDefinition page : dashboard(node).pages()) {
			for (CardDefinition card : page.cards()) {
				if (card.type().hasRows()) {
					appended.add(appendRow(node, card, time, reading, texts));
				}
				else if (card.type().isTable()) {
					tables.add(replaceTable(node, card, reading));
				}
			}
		}
		return new CardRowsAppended(node, List.copyOf(appended), List.copyOf(tables));
	}

	private CardRowsAppended.AppendedRow appendRow(String node, CardDefinition card, long time, Reading reading,
			Map<String, String> texts) {
		double[] values = new double[card.columns().size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = reading.value(card.columns().get(i).metric());
		}
		CyclicBuffer buffer = buffer(node, card);
		Row row = buffer.append(time, values);
		return new CardRowsAppended.AppendedRow(card, buffer.epoch(), row, texts);
	}

	private TableRows replaceTable(String node, CardDefinition card, Reading reading) {
		Table table = reading.tables().get(card.table());
		Map<String, List<Object>> rows = new LinkedHashMap<>();
		if (table != null) {
			int[] indexes = new int[card.tableColumns().size()];
			for (int i = 0; i < indexes.length; i++) {
				indexes[i] = table.columns().indexOf(card.tableColumns().get(i).name());
			}
			table.rows().forEach((key, cells) -> {
				List<Object> picked = new ArrayList<>(indexes.length);
				for (int index : indexes) {
					picked.add((index >= 0 && index < cells.size()) ? cells.get(index) : "");
				}
				rows.put(key, picked);
			});
		}
		MapChange change = map(node, card).replaceAll(rows);
		return new TableRows(card, node, change.seq(), change.put(), change.deleted());
	}

	/**
	 * A card's rows after {@code afterSeq}; all its rows when the client's {@code epoch} is not the
	 * buffer's, because then its sequence numbers mean nothing here.
	 */
	public CardRows rows(String node, CardDefinition card, long epoch, long afterSeq) {
		CyclicBuffer buffer = this.buffers.findCyclic(card.bufferName(node)).orElse(null);
		if (buffer == null || !buffer.columns().equals(card.columnNames())) {
			// nothing sampled yet (asking must not create buffers for names nobody writes),
			// or rows of another shape than this card's
			return new CardRows(card, node, 0, List.of(), List.of(), "", "");
		}
		Map<String, String> texts = texts(node);
		List<Row> rows = buffer.rowsAfter((epoch == buffer.epoch()) ? afterSeq : 0);
		List<String> values = new ArrayList<>(rows.size());
		rows.forEach((row) -> values.add(card.text(row.values(), texts)));
		Row latest = buffer.latest();
		double[] last = (latest != null) ? latest.values() : new double[card.columns().size()];
		return new CardRows(card, node, buffer.epoch(), rows, values, card.auxText(last, texts),
				card.captionText(last, texts));
	}

	public CardRows rows(String node, CardDefinition card) {
		return rows(node, card, -1, 0);
	}

	/** A table card's current rows. */
	public TableRows table(String node, CardDefinition card) {
		MapBuffer buffer = this.buffers.findMap(card.bufferName(node)).orElse(null);
		if (buffer == null) {
			return new TableRows(card, node, 0, List.of(), List.of());
		}
		List<KeyedRow> rows = List.copyOf(buffer.rows());
		return new TableRows(card, node, buffer.lastSeq(), rows, List.of());
	}

	/** The newest reading of every node that has one. */
	public Map<String, Reading> latestReadings() {
		return Map.copyOf(this.latest);
	}

	/** Forgets a node: its buffers, texts and newest reading. */
	public void forget(String node) {
		this.buffers.removeAll(node + "/");
		this.texts.remove(node);
		this.latest.remove(node);
		this.nodes.remove(node);
	}

	public Map<String, String> texts(String node) {
		return this.texts.getOrDefault(node, Map.of());
	}

	private record NodeDashboard(Set<String> names, Dashboard dashboard) {
	}

	private CyclicBuffer buffer(String node, CardDefinition card) {
		return this.buffers.cyclic(card.bufferName(node), card.columnNames(), card.capacity());
	}

	private MapBuffer map(String node, CardDefinition card) {
		return this.buffers.map(card.bufferName(node), card.tableColumns().stream().map(TableColumn::name).toList());
	}

}
