package dev.statwall.hub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.statwall.card.Formats;
import dev.statwall.sampling.Unit;

/** The overview's summary and tiles, filtered, sorted and paged. */
public final class Overview {

	/** Network bars are logarithmic from 1 B/s to 10 Gbit/s: a busy and an idle link both stay readable. */
	static final double NETWORK_FULL_SCALE = Math.log10(1 + 1.25e9);

	private final NodeRegistry nodes;

	private final NodeAlerts alerts;

	public Overview(NodeRegistry nodes, NodeAlerts alerts) {
		this.nodes = nodes;
		this.alerts = alerts;
	}

	/** The node's worst firing alert ({@code critical}, {@code warning}), or null. */
	public @Nullable String alert(String node) {
		return this.alerts.worst(node);
	}

	public Summary summary(Collection<NodeState> states) {
		int online = 0;
		int stale = 0;
		int offline = 0;
		double cpuSum = 0;
		int cpuCount = 0;
		double cpuMax = Double.NaN;
		double memoryUsed = 0;
		double rx = 0;
		double tx = 0;
		for (NodeState state : states) {
			NodeStatus status = this.nodes.status(state);
			switch (status) {
				case ONLINE -> online++;
				case STALE -> stale++;
				case OFFLINE -> offline++;
			}
			if (status != NodeStatus.ONLINE) {
				continue; // old numbers would make the cluster look busier or idler than it is
			}
			Vitals vitals = state.vitals();
			if (!Double.isNaN(vitals.cpu())) {
				cpuSum += vitals.cpu();
				cpuCount++;
				cpuMax = Double.isNaN(cpuMax) ? vitals.cpu() : Math.max(cpuMax, vitals.cpu());
			}
			memoryUsed += Double.isNaN(vitals.memoryUsed()) ? 0 : vitals.memoryUsed();
			rx += Double.isNaN(vitals.netRx()) ? 0 : vitals.netRx();
			tx += Double.isNaN(vitals.netTx()) ? 0 : vitals.netTx();
		}
		// sums and averages of decimals pick up binary noise (25.200000000000003): back to the units' decimals
		return new Summary(online, stale, offline, (cpuCount > 0) ? Unit.PERCENT.round(cpuSum / cpuCount) : Double.NaN,
				cpuMax, Unit.BYTES.round(memoryUsed), Unit.BYTES_PER_SECOND.round(rx), Unit.BYTES_PER_SECOND.round(tx));
	}

	public Page page(Query query, Collection<NodeState> states) {
		List<Tile> matching = new ArrayList<>();
		String needle = query.q().toLowerCase(Locale.ROOT);
		for (NodeState state : states) {
			NodeStatus status = this.nodes.status(state);
			String alert = this.alerts.worst(state.name());
			if ((query.status() == null || query.status() == status) && (!query.alerting() || alert != null)
					&& (needle.isEmpty() || state.name().toLowerCase(Locale.ROOT).contains(needle))) {
				matching.add(new Tile(state, status, this.nodes.silence(state), alert));
			}
		}
		matching.sort(query.sort().order);
		int pages = Math.max(1, (matching.size() + query.size() - 1) / query.size());
		int page = Math.min(query.page(), pages);
		int from = (page - 1) * query.size();
		List<Tile> tiles = List.copyOf(matching.subList(from, Math.min(matching.size(), from + query.size())));
		return new Page(tiles, page, pages, matching.size(), query);
	}

	static double networkPercent(double bytesPerSecond) {
		if (Double.isNaN(bytesPerSecond) || bytesPerSecond <= 0) {
			return 0;
		}
		return Math.min(100, 100 * Math.log10(1 + bytesPerSecond) / NETWORK_FULL_SCALE);
	}

	/**
	 * The cluster at a glance; averages and totals count online nodes only.
	 *
	 * @param online nodes online
	 * @param stale nodes stale
	 * @param offline nodes offline
	 * @param cpuAvg average CPU of online nodes
	 * @param cpuMax the busiest online node's CPU
	 * @param memoryUsed memory used by all online nodes, bytes
	 * @param netRx bytes per second received by all online nodes
	 * @param netTx bytes per second sent by all online nodes
	 */
	public record Summary(int online, int stale, int offline, double cpuAvg, double cpuMax, double memoryUsed, double netRx,
			double netTx) {

		public int total() {
			return this.online + this.stale + this.offline;
		}

		public String cpuAvgText() {
			return Double.isNaN(this.cpuAvg) ? "n/a" : Formats.percent(this.cpuAvg);
		}

		public String cpuMaxText() {
			return Double.isNaN(this.cpuMax) ? "n/a" : Formats.percent(this.cpuMax);
		}

		public String memoryUsedText() {
			return Formats.bytes(this.memoryUsed);
		}

		public String netRxText() {
			return Formats.bits(this.netRx);
		}

		public String netTxText() {
			return Formats.bits(this.netTx);
		}

	}

	/**
	 * One node's tile.
	 *
	 * @param state what the hub knows of it
	 * @param status online, stale or offline
	 * @param silence how long since it was heard from
	 * @param alert its worst firing alert, {@code critical} or {@code warning}; null when none
	 */
	public record Tile(NodeState state, NodeStatus status, Duration silence, @Nullable String alert) {

		public String name() {
			return this.state.name();
		}

		public String seen() {
			if (this.state.lastSeen() == 0) {
				return "never seen";
			}
			return (this.status == NodeStatus.ONLINE) ? "" : "last seen " + Ago.text(this.silence) + " ago";
		}

		public String cpuText() {
			return percent(this.state.vitals().cpu());
		}

		public String netText() {
			Vitals vitals = this.state.vitals();
			if (Double.isNaN(vitals.netRx()) && Double.isNaN(vitals.netTx())) {
				return "";
			}
			return "↓" + rate(vitals.netRx()) + " ↑" + rate(vitals.netTx());
		}

		public List<Bar> bars() {
			Vitals vitals = this.state.vitals();
			return List.of(new Bar("cpu", "CPU", percentOrZero(vitals.cpu()), percent(vitals.cpu())),
					new Bar("memory", "memory", percentOrZero(vitals.memory()), percent(vitals.memory())),
					new Bar("disk", "fullest disk", percentOrZero(vitals.disk()), percent(vitals.disk())),
					new Bar("rx", "network in", networkPercent(vitals.netRx()), rate(vitals.netRx())),
					new Bar("tx", "network out", networkPercent(vitals.netTx()), rate(vitals.netTx())));
		}

		private static double percentOrZero(double value) {
			return Double.isNaN(value) ? 0 : Math.max(0, Math.min(100, value));
		}

		private static String percent(double value) {
			return Double.isNaN(value) ? "n/a" : Formats.percent(value);
		}

		private static String rate(double value) {
			return Double.isNaN(value) ? "n/a" : Formats.bits(value);
		}

	}

	/**
	 * One bar of a tile.
	 *
	 * @param metric its key in the live message and CSS
	 * @param label what it shows
	 * @param percent how full it is, 0 to 100
	 * @param text its value, for the tooltip
	 */
	public record Bar(String metric, String label, double percent, String text) {

		/** Whole percent for CSS, so the attribute holds only digits. */
		public long width() {
			return Math.round(this.percent);
		}

	}

	/**
	 * A page of tiles.
	 *
	 * @param tiles the tiles on this page
	 * @param page this page, from 1
	 * @param pages how many pages the matching nodes fill
	 * @param matching how many nodes match the filter
	 * @param query what was asked
	 */
	public record Page(List<Tile> tiles, int page, int pages, int matching, Query query) {
	}

	/** How to order tiles. */
	public enum Sort {

		NAME(Comparator.comparing(Tile::name)),

		CPU(Comparator.comparingDouble((Tile tile) -> orMinus(tile.state().vitals().cpu())).reversed()
			.thenComparing(Tile::name)),

		MEMORY(Comparator.comparingDouble((Tile tile) -> orMinus(tile.state().vitals().memory())).reversed()
			.thenComparing(Tile::name)),

		NETWORK(Comparator.comparingDouble((Tile tile) -> tile.state().vitals().network()).reversed()
			.thenComparing(Tile::name));

		final Comparator<Tile> order;

		Sort(Comparator<Tile> order) {
			this.order = order;
		}

		private static double orMinus(double value) {
			return Double.isNaN(value) ? -1 : value;
		}

		public String key() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * What the overview is asked to show.
	 *
	 * @param q part of a node name, any case; empty for all
	 * @param status only nodes with this status; null for all
	 * @param sort the order
	 * @param page which page, from 1
	 * @param size tiles per page
	 * @param alerting only nodes with a firing alert
	 */
	public record Query(String q, @Nullable NodeStatus status, Sort sort, int page, int size, boolean alerting) {

		/** 16 rows of 18 tiles: a full 1920 × 1080 screen, 256 nodes and the hub with room to spare. */
		public static final int DEFAULT_SIZE = 288;

		public static final int MAX_SIZE = 1024;

		/**
		 * A query as the domain takes it; parameters arrive already typed.
		 * @throws IllegalArgumentException saying which part is out of range
		 */
		public Query {
			q = q.strip();
			if (q.length() > 63) {
				throw new IllegalArgumentException("'q' is part of a node name, at most 63 characters");
			}
			if (page < 1) {
				throw new IllegalArgumentException("'page' must be a whole number from 1");
			}
			if (size < 1 || size > MAX_SIZE) {
				throw new IllegalArgumentException("'size' must be a whole number from 1 to " + MAX_SIZE);
			}
		}

		public String statusKey() {
			if (this.alerting) {
				return "alerting";
			}
			return (this.status != null) ? this.status.key() : "all";
		}

		public String sortKey() {
			return this.sort.key();
		}

	}

}
