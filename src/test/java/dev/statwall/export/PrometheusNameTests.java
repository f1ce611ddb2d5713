package dev.statwall.export;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusNameTests {

	@Test
	void percentagesBecomeRatiosAndPartsOfNamesBecomeLabels() {
		assertThat(PrometheusName.of("cpu.usage")).isEqualTo(new PrometheusName("statwall_cpu_usage_ratio",
				"CPU busy time between two samples, all cores", null, "", 0.01));
		PrometheusName core = PrometheusName.of("cpu.core.3.usage");
		assertThat(core.family()).isEqualTo("statwall_cpu_core_usage_ratio");
		assertThat(core.label()).isEqualTo("core");
		assertThat(core.labelValue()).isEqualTo("3");
		PrometheusName mount = PrometheusName.of("fs./var/lib.used");
		assertThat(mount.family()).isEqualTo("statwall_filesystem_used_bytes");
		assertThat(mount.labelValue()).isEqualTo("/var/lib");
	}

	@Test
	void totalsAndPerDeviceFiguresAreSeparateFamilies() {
		assertThat(PrometheusName.of("net.rx").family()).isEqualTo("statwall_network_rx_bytes_per_second");
		assertThat(PrometheusName.of("net.eth0.rx").family()).isEqualTo("statwall_network_interface_rx_bytes_per_second");
		assertThat(PrometheusName.of("net.eth0.rx_packets").family())
			.isEqualTo("statwall_network_interface_rx_packets_per_second");
		assertThat(PrometheusName.of("disk.nvme0n1.write_ops").family())
			.isEqualTo("statwall_disk_device_write_operations_per_second");
		assertThat(PrometheusName.of("disk.nvme0n1.write_ops").labelValue()).isEqualTo("nvme0n1");
		assertThat(PrometheusName.of("load.15").labelValue()).isEqualTo("15");
	}

	@Test
	void aMetricNoRuleKnowsKeepsASafeName() {
		assertThat(PrometheusName.of("gpu.0.usage-now").family()).isEqualTo("statwall_gpu_0_usage_now");
	}

}
