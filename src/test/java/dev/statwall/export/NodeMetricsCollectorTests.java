package dev.statwall.export;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import org.junit.jupiter.api.Test;

import dev.statwall.sampling.Reading;

import static org.assertj.core.api.Assertions.assertThat;

/** What a scrape gets from nodes' newest readings: counters that only go up, values without noise. */
class NodeMetricsCollectorTests {

	private final Map<String, Reading> latest = new LinkedHashMap<>();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final NodeMetricsCollector collector = new NodeMetricsCollector(() -> Map.copyOf(this.latest), null,
			this.meters);

	@Test
	void whenANodeRebootsOrADeviceIsResetThenItsCountersStillOnlyGoUp() throws Exception {
		assertThat(scrapeReceived(100, 1_000)).isEqualTo(1_000);
		assertThat(scrapeReceived(115, 1_500)).isEqualTo(1_500);
		// the node rebooted: its kernel counts from zero again, and had counted 200 bytes by the scrape
		assertThat(scrapeReceived(5, 200)).as("1,500 before the reboot, 200 since").isEqualTo(1_700);
		assertThat(scrapeReceived(20, 300)).isEqualTo(1_800);
		// the interface was made again without a reboot: its counter went back
		assertThat(scrapeReceived(35, 50)).isEqualTo(1_850);
		assertThat(scrapeReceived(50, 100)).isEqualTo(1_900);
		// a reboot whose new count already passed the old one at the scrape: the uptime tells
		assertThat(scrapeReceived(10, 2_000)).isEqualTo(3_900);
	}

	@Test
	void whenASeriesFirstAppearsAfterARebootThenItStartsAtItsOwnValue() throws Exception {
		reading("pi-1", 100, Map.of("net.eth0.rx_bytes_total", 1_000.0));
		scrape();
		reading("pi-1", 5, Map.of("net.eth0.rx_bytes_total", 10.0, "net.wlan0.rx_bytes_total", 70.0));
		String scraped = scrape();
		assertThat(scraped).contains("statwall_network_receive_bytes_total{interface=\"eth0\",node=\"pi-1\"} 1010.0")
			.contains("statwall_network_receive_bytes_total{interface=\"wlan0\",node=\"pi-1\"} 70.0");
	}

	@Test
	void whenNodesAreScrapedThenCountersAreCountersGaugesGaugesAndRatesAreLeftToRate() throws Exception {
		Map<String, Double> values = new HashMap<>();
		values.put("net.eth0.rx_bytes_total", 123_456_789_012.0);
		values.put("net.eth0.rx", 1_234.5);
		values.put("net.rx", 1_234.5);
		values.put("disk.sda.write_bytes_total", 4_096.0);
		values.put("disk.sda.write", 10.0);
		values.put("cpu.core.0.user_seconds_total", 12_345.67);
		values.put("cpu.usage", 18.26);
		values.put("load.1", 18.26);
		values.put("memory.usage", Double.NaN);
		reading("pi-2", 1_000, values);
		String scraped = scrape();
		assertThat(scraped).contains("# TYPE statwall_network_receive_bytes_total counter")
			.contains("statwall_network_receive_bytes_total{interface=\"eth0\",node=\"pi-2\"} 1.23456789012E11")
			.contains("# TYPE statwall_disk_written_bytes_total counter")
			.contains("statwall_disk_written_bytes_total{disk=\"sda\",node=\"pi-2\"} 4096.0")
			.contains("statwall_cpu_seconds_total{core=\"0\",mode=\"user\",node=\"pi-2\"} 12345.67")
			.contains("statwall_cpu_usage_ratio{node=\"pi-2\"} 0.1826")
			.contains("statwall_load_average{node=\"pi-2\",window=\"1\"} 18.26")
			.contains("# TYPE statwall_uptime_seconds gauge")
			.doesNotContain("per_second")
			.as("n/a is left out, not exported as zero")
			.doesNotContain("statwall_memory_usage_ratio");
		assertThat(scraped.lines().filter((line) -> !line.startsWith("#")))
			.as("no binary noise such as 0.18259999999999998")
			.noneMatch((line) -> line.matches(".*\\d\\.\\d*(0000000|9999999)\\d*(E\\d+)?$"));
	}

	@Test
	void whenANodeIsForgottenThenItsSeriesGoAndComeBackFromItsOwnValue() throws Exception {
		reading("pi-3", 100, Map.of("net.eth0.rx_bytes_total", 1_000.0));
		scrape();
		reading("pi-3", 5, Map.of("net.eth0.rx_bytes_total", 10.0));
		assertThat(scrape()).contains("node=\"pi-3\"} 1010.0");
		this.latest.clear();
		assertThat(scrape()).doesNotContain("pi-3");
		reading("pi-3", 6, Map.of("net.eth0.rx_bytes_total", 20.0));
		assertThat(scrape()).contains("node=\"pi-3\"} 20.0");
	}

	@Test
	void whenTwoMetricsMapToOneSeriesThenBothAreLeftOutAndCountedAndEveryOtherSeriesIsExported() throws Exception {
		Map<String, Double> values = new HashMap<>();
		values.put("a.b", 1.0);
		values.put("a_b", 2.0);
		values.put("A-B", 3.0);
		values.put("memory.used", 4_096.0);
		reading("pi-4", 100, values);
		reading("pi-5", 100, Map.of("a.b", 5.0));
		String scraped = scrape();
		assertThat(scraped).as("none of them is the right one on pi-4").doesNotContain("statwall_a_b{node=\"pi-4\"}")
			.as("a node where nothing collides keeps it")
			.contains("statwall_a_b{node=\"pi-5\"} 5.0")
			.contains("statwall_memory_used_bytes{node=\"pi-4\"} 4096.0");
		assertThat(leftOut()).isEqualTo(3);
	}

	@Test
	void whenANodesOwnMetricTakesTheNameARuleGivesThenTheRulesSeriesIsKept() throws Exception {
		Map<String, Double> values = new HashMap<>();
		values.put("cpu.usage", 50.0);
		values.put("cpu.usage.ratio", 0.7); // statwall_cpu_usage_ratio too
		values.put("network.receive.bytes", 12.0); // a gauge where the rule has a counter with a label
		values.put("net.eth0.rx_bytes_total", 1_000.0);
		reading("pi-6", 100, values);
		assertThat(scrape()).contains("statwall_cpu_usage_ratio{node=\"pi-6\"} 0.5")
			.doesNotContain("0.7")
			.contains("statwall_network_receive_bytes_total{interface=\"eth0\",node=\"pi-6\"} 1000.0")
			.doesNotContain("statwall_network_receive_bytes{")
			.doesNotContain("12.0");
		assertThat(leftOut()).isEqualTo(2);
	}

	@Test
	void whenMetricsOfOneFamilyDisagreeOnTheTypeThenTheFamilyIsLeftOut() throws Exception {
		reading("pi-7", 100, Map.of("requests", 1.0));
		reading("pi-8", 100, Map.of("requests_total", 2.0));
		reading("pi-9", 100, Map.of("memory.used", 3.0));
		assertThat(scrape()).doesNotContain("statwall_requests").contains("statwall_memory_used_bytes{node=\"pi-9\"} 3.0");
		assertThat(leftOut()).isEqualTo(2);
	}

	@Test
	void whenANodesMetricTakesTheNameOfStatwallsOwnMetersOrOneNotAllowedThenTheScrapeStillAnswersForEveryOtherSeries()
			throws Exception {
		PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		Counter.builder("statwall.samples").description("Samples taken").register(prometheus).increment();
		Timer.builder("statwall.sample.read").description("Time a sample takes").register(prometheus);
		new JvmMemoryMetrics().bindTo(prometheus);
		NodeMetricsCollector scraped = new NodeMetricsCollector(() -> Map.copyOf(this.latest),
				prometheus.getPrometheusRegistry(), prometheus);
		prometheus.getPrometheusRegistry().register(scraped);
		Map<String, Double> values = new HashMap<>();
		values.put("samples", 1.0); // a gauge statwall_samples next to the counter
		values.put("samples_total", 2.0); // a counter statwall_samples_total
		values.put("sample.read.seconds", 3.0); // the timer's summary
		values.put("sample.read.seconds.count", 4.0); // a line of the timer's summary
		values.put("sample.read.seconds.max", 5.0); // the timer's maximum
		values.put("queue.total", 6.0); // a gauge statwall_queue_total, which Prometheus takes for a counter statwall_queue
		values.put("memory.used", 8.0);
		values.put("net.eth0.rx_bytes_total", 9.0);
		reading("pi-10", 100, values);
		reading("pi-11", 100, Map.of("queue_total", 7.0)); // that counter
		String body = prometheus.scrape();
		assertThat(body).contains("statwall_memory_used_bytes{node=\"pi-10\"} 8.0")
			.contains("statwall_network_receive_bytes_total{interface=\"eth0\",node=\"pi-10\"} 9.0")
			.contains("jvm_memory_used_bytes")
			.containsPattern("(?m)^statwall_samples_total 1\\.0$")
			.doesNotContain("node=\"pi-10\"} 1.0")
			.doesNotContain("node=\"pi-10\"} 2.0")
			.doesNotContain("node=\"pi-10\"} 3.0")
			.doesNotContain("node=\"pi-10\"} 4.0")
			.doesNotContain("node=\"pi-10\"} 5.0")
			.doesNotContain("statwall_queue");
		assertThat(body).as("the JVM's meters").contains("jvm_memory_used_bytes");
		assertThat(prometheus.get("statwall.export.series.left.out").counter().count()).isEqualTo(7);
		assertThat(body).as("exported itself, counted at every scrape").contains("statwall_export_series_left_out_total ");
	}

	private double leftOut() {
		return this.meters.get("statwall.export.series.left.out").counter().count();
	}

	private double scrapeReceived(double uptime, double received) throws Exception {
		reading("pi", uptime, Map.of("net.eth0.rx_bytes_total", received));
		String line = scrape().lines()
			.filter((l) -> l.startsWith("statwall_network_receive_bytes_total{interface=\"eth0\",node=\"pi\"}"))
			.findFirst()
			.orElseThrow();
		return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
	}

	private void reading(String node, double uptime, Map<String, Double> values) {
		Map<String, Double> all = new HashMap<>(values);
		all.put("system.uptime", uptime);
		this.latest.put(node, new Reading(all, Map.of(), Map.of()));
	}

	private String scrape() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PrometheusTextFormatWriter.create().write(out, this.collector.collect());
		return out.toString(StandardCharsets.UTF_8);
	}

}
