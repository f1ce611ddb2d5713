package dev.statwall.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.statwall.sampling.Metric;
import dev.statwall.series.MetricPattern;
import dev.statwall.series.NodeInfo;
import dev.statwall.series.SeriesRange;
import dev.statwall.series.SeriesStore;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/nodes/{name}/history}: a metric's values over a time range, from the finest
 * tier that covers it, in every role that keeps history.
 */
@RestController
final class HistoryController {

	static final int MAX_POINTS = 10_000;

	private final SeriesStore store;

	private final Clock clock;

	HistoryController(SeriesStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/**
	 * One metric: its series. Several ({@code metric} repeated, or a {@code *} pattern): every
	 * matching metric's series under {@code series}.
	 */
	@GetMapping(path = "/api/v1/nodes/{name}/history", produces = "application/json")
	Object history(@PathVariable String name, @RequestParam(name = "metric", required = false) @Nullable List<String> metric,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(defaultValue = "600") int points) {
		NodeInfo node = this.store.node(name).orElseThrow(() -> ApiException.notFound(name));
		if (metric == null || metric.isEmpty() || metric.stream().anyMatch(String::isBlank)) {
			throw new ApiException(HttpStatus.BAD_REQUEST,
					"'metric' is required, such as metric=cpu.usage; it may repeat and may use * as cards do (fs.*.usage)");
		}
		if (points < 1 || points > MAX_POINTS) {
			throw new ApiException(HttpStatus.BAD_REQUEST,
					"'points' must be from 1 to " + MAX_POINTS + ", was " + points);
		}
		long now = this.clock.millis();
		long start;
		long end;
		try {
			start = TimeRange.instant("from", (from != null) ? from : "-1h", now);
			end = TimeRange.instant("to", (to != null) ? to : "now", now);
		}
		catch (IllegalArgumentException ex) {
			throw new ApiException(HttpStatus.BAD_REQUEST, String.valueOf(ex.getMessage()));
		}
		if (end <= start) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "'to' (" + Instant.ofEpochMilli(end)
					+ ") must be after 'from' (" + Instant.ofEpochMilli(start) + ")");
		}
		Set<String> metrics = new LinkedHashSet<>();
		boolean pattern = false;
		for (String asked : metric) {
			MetricPattern wanted = new MetricPattern(asked.strip());
			pattern |= wanted.isPattern();
			List<String> matching = wanted.matching(node.metrics());
			if (matching.isEmpty()) {
				throw new ApiException(HttpStatus.BAD_REQUEST, "'metric' " + TimeRange.shown(asked)
						+ " matches nothing node '" + name + "' reports; it reports " + abbreviated(node.metrics()));
			}
			metrics.addAll(matching);
		}
		List<SeriesJson> series = new ArrayList<>(metrics.size());
		for (String each : metrics) {
			series.add(json(name, each, start, end, this.store.range(name, each, start, end, points)));
		}
		if (series.size() == 1 && !pattern) {
			return series.get(0);
		}
		return new SeriesListJson(name, Instant.ofEpochMilli(start).toString(), Instant.ofEpochMilli(end).toString(),
				series);
	}

	private static SeriesJson json(String node, String metric, long from, long to, SeriesRange range) {
		return new SeriesJson(node, metric, Metric.named(metric).unit().name().toLowerCase(Locale.ROOT),
				Instant.ofEpochMilli(from).toString(), Instant.ofEpochMilli(to).toString(), range.tier(),
				range.step() / 1000.0, range.time(), nullable(range.avg()), nullable(range.min()), nullable(range.max()));
	}

	private static List<@Nullable Double> nullable(double[] values) {
		List<@Nullable Double> list = new ArrayList<>(values.length);
		for (double value : values) {
			list.add(Double.isNaN(value) ? null : value);
		}
		return list;
	}

	private static String abbreviated(List<String> metrics) {
		List<String> sorted = metrics.stream().sorted().toList();
		return (sorted.size() <= 20) ? sorted.toString() : sorted.subList(0, 20) + " and " + (sorted.size() - 20) + " more";
	}

	/**
	 * A metric's values over a range.
	 *
	 * @param node the node
	 * @param metric the metric
	 * @param unit its unit, such as {@code percent} or {@code bytes_per_second}
	 * @param from the range's start, ISO-8601
	 * @param to its end
	 * @param tier the tier read: 0 every sample, 1 minutes, 2 hours
	 * @param step seconds each point stands for
	 * @param time each point's time, epoch milliseconds
	 * @param avg each point's average; null where the node sent nothing (a gap)
	 * @param min each point's minimum
	 * @param max each point's maximum
	 */
	record SeriesJson(String node, String metric, String unit, String from, String to, int tier, double step,
			long[] time, List<@Nullable Double> avg, List<@Nullable Double> min, List<@Nullable Double> max) {
	}

	/**
	 * Several metrics' values over one range.
	 *
	 * @param node the node
	 * @param from the range's start, ISO-8601
	 * @param to its end
	 * @param series each metric's
	 */
	record SeriesListJson(String node, String from, String to, List<SeriesJson> series) {
	}

}
