package dev.statwall.web;

import java.util.Comparator;
import java.util.List;

import dev.statwall.sampling.Metric;
import dev.statwall.sampling.SystemProbe;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The metrics this node reports, so people writing cards can see what a {@code metric:} may name. */
@RestController
final class MetricCatalogController {

	private final SystemProbe probe;

	MetricCatalogController(SystemProbe probe) {
		this.probe = probe;
	}

	@GetMapping("/api/v1/metrics")
	List<Metric> metrics() {
		return this.probe.metrics().stream().sorted(Comparator.comparing(Metric::name)).toList();
	}

}
