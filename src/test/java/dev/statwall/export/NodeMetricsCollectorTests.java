package dev.statwall.export;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import org.junit.jupiter.api.Test;

import dev.statwall.sampling.Reading;

import static org.assertj.core.api.Assertions.assertThat;

/** What a scrape gets from nodes' newest readings: counters that only go up, values without noise. */
class NodeMetricsCollectorTests {

	private final Map<String, Reading> latest = new LinkedHashMap<>();

	private final NodeMetricsCollector collector = new NodeMetricsCollector(() -> Map.copyOf(this.latest));

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
