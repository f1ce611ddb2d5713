package dev.statwall.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.PrometheusNaming;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.statwall.sampling.Metric;
import dev.statwall.sampling.Reading;

/**
 * Every sampled metric of every node this process knows, at {@code /actuator/prometheus}. Built
 * from the newest readings at scrape time, so thousands of nodes cost nothing between scrapes.
 * The kernel's counters go out as Prometheus counters that only ever go up ({@link Counters}).
 * <p>
 * Nodes name their metrics, so two of them may map to one Prometheus series ({@code a.b} and
 * {@code a_b}), to a family of statwall's own meters or the JVM's, or to a name Prometheus does
 * not allow. Such a series is left out, logged once and counted in
 * {@code statwall_export_series_left_out_total}; every other series is still exported, because a
 * scrape that fails fails for every node.
 */
final class NodeMetricsCollector implements MultiCollector {

	private static final Log logger = LogFactory.getLog(NodeMetricsCollector.class);

	/** What an exposed family may add to its name: a series of ours must not be any of them. */
	private static final List<String> SUFFIXES = List.of("", "_total", "_created", "_count", "_sum", "_bucket", "_info");

	/** Metric names whose leaving out was logged; beyond this many it is only counted. */
	private static final int MOST_REPORTED = 1_000;

	private final Supplier<Map<String, Reading>> latest;

	private final @Nullable PrometheusRegistry registry;

	private final Counter leftOut;

	private final Counters counters = new Counters();

	/** Set while this collector asks the registry what the others export, which calls it again. */
	private final ThreadLocal<Boolean> collecting = ThreadLocal.withInitial(() -> false);

	private final Set<String> reported = new HashSet<>();

	/**
	 * @param latest the newest reading of every node, by node
	 * @param registry the registry this collector is in, whose other families a node's series must
	 * not collide with; {@code null} for none
	 * @param meters where the series left out are counted
	 */
	NodeMetricsCollector(Supplier<Map<String, Reading>> latest, @Nullable PrometheusRegistry registry,
			MeterRegistry meters) {
		this.latest = latest;
		this.registry = registry;
		this.leftOut = Counter.builder("statwall.export.series.left.out")
			.description("Node series left out of a Prometheus scrape: their name collided with another or is not allowed")
			.register(meters);
	}

	@Override
	public MetricSnapshots collect() {
		if (this.collecting.get()) {
			return MetricSnapshots.builder().build(); // the registry asks us while we ask it for the others' names
		}
		Set<String> taken = taken();
		Map<String, Reading> readings = this.latest.get();
		Map<String, Family> families = new LinkedHashMap<>();
		Set<String> metrics = new HashSet<>();
		synchronized (this.counters) {
			this.counters.keepOnly(readings.keySet());
			for (Map.Entry<String, Reading> entry : readings.entrySet()) {
				String node = entry.getKey();
				Reading reading = entry.getValue();
				this.counters.seen(node, reading.value("system.uptime"));
				metrics.addAll(reading.values().keySet());
				reading.values().forEach((metric, value) -> {
					if (value == null || value.isNaN()) {
						return; // n/a is no sample, not a zero
					}
					PrometheusName name = PrometheusName.of(metric);
					if (name == null) {
						return;
					}
					double exported = name.counter() ? this.counters.exported(node, metric, value) : name.value(value);
					families.computeIfAbsent(key(name), (family) -> new Family())
						.add(new Point(node, metric, name, exported));
				});
			}
		}
		PrometheusName.keepOnly(metrics);
		MetricSnapshots.Builder snapshots = MetricSnapshots.builder();
		for (Family family : families.values()) {
			MetricSnapshot snapshot = family.snapshot(taken, this::leaveOut);
			if (snapshot != null) {
				snapshots.metricSnapshot(snapshot);
			}
		}
		return snapshots.build();
	}

	/**
	 * Names that collide share a key: a counter {@code x} is written {@code x_total}, as a gauge
	 * {@code x_total} is, and a gauge {@code x} and a counter {@code x} are one name to Prometheus.
	 */
	private static String key(PrometheusName name) {
		String family = name.family();
		return (!name.counter() && family.endsWith("_total")) ? family.substring(0, family.length() - 6) : family;
	}

	/** Every name the registry's other collectors expose, with the suffixes their types add. */
	private Set<String> taken() {
		PrometheusRegistry registry = this.registry;
		if (registry == null) {
			return Set.of();
		}
		MetricSnapshots others;
		this.collecting.set(true);
		try {
			others = registry.scrape();
		}
		finally {
			this.collecting.remove();
		}
		Set<String> taken = new HashSet<>();
		for (MetricSnapshot other : others) {
			String name = other.getMetadata().getPrometheusName();
			SUFFIXES.forEach((suffix) -> taken.add(name + suffix));
		}
		return taken;
	}

	private void leaveOut(Point point, String reason) {
		this.leftOut.increment();
		boolean first;
		synchronized (this.reported) {
			first = this.reported.size() < MOST_REPORTED && this.reported.add(point.metric());
		}
		if (first) {
			logger.warn("Prometheus export leaves out metric '" + point.metric() + "' (node '" + point.node()
					+ "' and any other that has it): " + reason
					+ "; counted in statwall_export_series_left_out_total, every other series is exported");
		}
	}

	/** One series of one node as it is collected. */
	private record Point(String node, String metric, PrometheusName name, double value) {

		/** The series' labels: the node and the rule's. */
		Labels labels() {
			String[] pairs = new String[2 + 2 * this.name.labels().size()];
			pairs[0] = "node";
			pairs[1] = this.node;
			for (int i = 0; i < this.name.labels().size(); i++) {
				pairs[2 + 2 * i] = this.name.labels().get(i);
				pairs[3 + 2 * i] = this.name.values().get(i);
			}
			return Labels.of(pairs);
		}

		/** The name, type and label names a family must have the same for all its series. */
		List<Object> shape() {
			return List.of(this.name.family(), this.name.counter(), this.name.labels());
		}

	}

	@FunctionalInterface
	private interface LeftOut {

		void leave(Point point, String reason);

	}

	/** One family's series as they are collected. */
	private static final class Family {

		private final List<Point> points = new ArrayList<>();

		void add(Point point) {
			this.points.add(point);
		}

		/**
		 * The family as exported, without the series that collide, or {@code null} when none is
		 * left. A series named by one of statwall's rules wins over a series named after a node's
		 * own metric; between equals, none wins.
		 */
		@Nullable MetricSnapshot snapshot(Set<String> taken, LeftOut leftOut) {
			List<Point> kept = new ArrayList<>(this.points.size());
			for (Point point : this.points) {
				String problem = problem(point.name(), taken);
				if (problem != null) {
					leftOut.leave(point, problem);
				}
				else {
					kept.add(point);
				}
			}
			kept = distinct(sameShape(kept, leftOut), leftOut);
			if (kept.isEmpty()) {
				return null;
			}
			PrometheusName name = kept.get(0).name();
			String family = name.family();
			if (name.counter()) {
				CounterSnapshot.Builder counter = CounterSnapshot.builder().name(family).help(name.help());
				kept.forEach((point) -> counter
					.dataPoint(CounterDataPointSnapshot.builder().value(point.value()).labels(point.labels()).build()));
				return counter.build();
			}
			GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(family).help(name.help());
			kept.forEach((point) -> gauge
				.dataPoint(GaugeDataPointSnapshot.builder().value(point.value()).labels(point.labels()).build()));
			return gauge.build();
		}

		private static @Nullable String problem(PrometheusName name, Set<String> taken) {
			String family = name.family();
			if (!PrometheusNaming.isValidLegacyMetricName(family) || !PrometheusNaming.isValidMetricName(family)) {
				return "'" + family + "' is not a name Prometheus allows (it may not end in _total, _created, _bucket or _info)";
			}
			String exposed = name.counter() ? family + "_total" : family;
			if (taken.contains(family) || taken.contains(exposed)) {
				return "'" + exposed + "' is the name of one of statwall's own or the JVM's meters";
			}
			return null;
		}

		/** The series whose type and label names are the family's; a rule's shape wins. */
		private static List<Point> sameShape(List<Point> points, LeftOut leftOut) {
			Set<List<Object>> shapes = new HashSet<>();
			Set<List<Object>> ruled = new HashSet<>();
			for (Point point : points) {
				shapes.add(point.shape());
				if (!point.name().ownName()) {
					ruled.add(point.shape());
				}
			}
			if (shapes.size() <= 1) {
				return points;
			}
			List<Object> shape = (ruled.size() == 1) ? ruled.iterator().next() : null;
			List<Point> kept = new ArrayList<>();
			for (Point point : points) {
				if (point.shape().equals(shape)) {
					kept.add(point);
				}
				else {
					leftOut.leave(point, "'" + point.name().family()
							+ "' is exported by another metric under a name Prometheus takes as the same, as another type or with other labels");
				}
			}
			return kept;
		}

		/** The series no other metric maps to the same name and labels. */
		private static List<Point> distinct(List<Point> points, LeftOut leftOut) {
			Map<Labels, List<Point>> series = new LinkedHashMap<>();
			points.forEach((point) -> series.computeIfAbsent(point.labels(), (labels) -> new ArrayList<>(1)).add(point));
			if (series.size() == points.size()) {
				return points;
			}
			List<Point> kept = new ArrayList<>(series.size());
			for (List<Point> same : series.values()) {
				List<Point> ruled = same.stream().filter((point) -> !point.name().ownName()).toList();
				if (same.size() == 1 || ruled.size() == 1) {
					Point winner = (same.size() == 1) ? same.get(0) : ruled.get(0);
					kept.add(winner);
					same.stream()
						.filter((point) -> point != winner)
						.forEach((point) -> leftOut.leave(point, "it maps to " + winner.name().family() + winner.labels()
								+ " as '" + winner.metric() + "' does, which a rule of statwall names"));
				}
				else {
					same.forEach((point) -> leftOut.leave(point,
							"it maps to " + point.name().family() + point.labels() + " as "
									+ same.stream().map(Point::metric).filter((metric) -> !metric.equals(point.metric())).toList()
									+ " does"));
				}
			}
			return kept;
		}

	}

	/**
	 * Makes the kernel's counters Prometheus counters that only ever go up. A node's counters start
	 * again from zero when it reboots (its uptime goes back) and a device's when it is reset (a
	 * driver reloaded, an interface made again): each time, what the series had counted until then
	 * is kept as an offset for that node and series and added to everything after. So a counter
	 * exported here never goes down while this process runs, and {@code rate()} over a reboot
	 * counts only the traffic there was. Guarded by itself.
	 */
	static final class Counters {

		/** By node, by metric: {last value the node reported, offset added to it}. */
		private final Map<String, Map<String, double[]>> series = new HashMap<>();

		private final Map<String, Double> uptimes = new HashMap<>();

		private final Map<String, Boolean> rebooted = new HashMap<>();

		/** Forgets nodes this process no longer knows. */
		void keepOnly(Set<String> nodes) {
			this.series.keySet().retainAll(nodes);
			this.uptimes.keySet().retainAll(nodes);
			this.rebooted.keySet().retainAll(nodes);
		}

		/** Notes the node's uptime: lower than at the last scrape means it rebooted in between. */
		void seen(String node, double uptime) {
			if (Double.isNaN(uptime)) {
				this.rebooted.put(node, false);
				return;
			}
			Double before = this.uptimes.put(node, uptime);
			this.rebooted.put(node, before != null && uptime < before);
		}

		/** The value to export for a counter the node reports as {@code value}. */
		double exported(String node, String metric, double value) {
			Map<String, double[]> counters = this.series.computeIfAbsent(node, (name) -> new HashMap<>());
			double[] state = counters.get(metric);
			if (state == null) {
				state = new double[] { value, 0 };
				counters.put(metric, state);
			}
			else if (value < state[0] || Boolean.TRUE.equals(this.rebooted.get(node))) {
				state[1] += state[0]; // counting started again: keep what was counted before
			}
			state[0] = value;
			return Metric.unitOf(metric).round(value + state[1]);
		}

	}

}
