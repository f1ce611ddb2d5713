package dev.statwall.export;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusNameTests {

	@Test
	void percentagesBecomeRatiosAndPartsOfNamesBecomeLabels() {
		PrometheusName cpu = PrometheusName.of("cpu.usage");
		assertThat(cpu.family()).isEqualTo("statwall_cpu_usage_ratio");
		assertThat(cpu.counter()).isFalse();
		assertThat(cpu.value(18.26)).as("no binary noise from the division").isEqualTo(0.1826);
		PrometheusName core = PrometheusName.of("cpu.core.3.usage");
		assertThat(core.family()).isEqualTo("statwall_cpu_core_usage_ratio");
		assertThat(core.labels()).containsExactly("core");
		assertThat(core.values()).containsExactly("3");
		PrometheusName mount = PrometheusName.of("fs./var/lib.used");
		assertThat(mount.family()).isEqualTo("statwall_filesystem_used_bytes");
		assertThat(mount.values()).containsExactly("/var/lib");
		assertThat(mount.value(1234.0)).isEqualTo(1234.0);
		assertThat(PrometheusName.of("load.15").values()).containsExactly("15");
	}

	@Test
	void theKernelsCountersAreCountersWithTheDeviceAndTheModeAsLabels() {
		assertCounter("net.eth0.rx_bytes_total", "statwall_network_receive_bytes", "interface", "eth0");
		assertCounter("net.eth0.tx_bytes_total", "statwall_network_transmit_bytes", "interface", "eth0");
		assertCounter("net.eth0.100.rx_packets_total", "statwall_network_receive_packets", "interface", "eth0.100");
		assertCounter("net.wlan0.tx_errors_total", "statwall_network_transmit_errors", "interface", "wlan0");
		assertCounter("net.wlan0.rx_drops_total", "statwall_network_receive_drops", "interface", "wlan0");
		assertCounter("disk.nvme0n1.read_bytes_total", "statwall_disk_read_bytes", "disk", "nvme0n1");
		assertCounter("disk.nvme0n1.write_bytes_total", "statwall_disk_written_bytes", "disk", "nvme0n1");
		assertCounter("disk.sda.read_ops_total", "statwall_disk_read_operations", "disk", "sda");
		assertCounter("disk.sda.write_ops_total", "statwall_disk_write_operations", "disk", "sda");
		PrometheusName seconds = PrometheusName.of("cpu.core.1.softirq_seconds_total");
		assertThat(seconds.family()).isEqualTo("statwall_cpu_seconds");
		assertThat(seconds.counter()).isTrue();
		assertThat(seconds.labels()).containsExactly("core", "mode");
		assertThat(seconds.values()).containsExactly("1", "softirq");
	}

	@Test
	void ratesAreNotExportedSinceTheirCountersAre() {
		for (String rate : List.of("net.rx", "net.tx", "net.rx_packets", "net.errors", "net.drops", "net.eth0.rx",
				"net.eth0.tx_packets", "net.eth0.drops", "disk.read", "disk.write_ops", "disk.sda.read",
				"disk.nvme0n1.write_ops")) {
			assertThat(PrometheusName.of(rate)).as(rate).isNull();
		}
	}

	@Test
	void aMetricNoRuleKnowsKeepsASafeNameAndACounterStaysACounter() {
		assertThat(PrometheusName.of("gpu.0.usage-now").family()).isEqualTo("statwall_gpu_0_usage_now");
		PrometheusName unknown = PrometheusName.of("gpu.0.frames_total");
		assertThat(unknown.family()).isEqualTo("statwall_gpu_0_frames");
		assertThat(unknown.counter()).isTrue();
	}

	private static void assertCounter(String metric, String family, String label, String value) {
		PrometheusName name = PrometheusName.of(metric);
		assertThat(name).as(metric).isNotNull();
		assertThat(name.family()).as(metric).isEqualTo(family);
		assertThat(name.counter()).as(metric).isTrue();
		assertThat(name.labels()).containsExactly(label);
		assertThat(name.values()).containsExactly(value);
	}

}
