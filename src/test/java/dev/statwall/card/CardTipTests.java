package dev.statwall.card;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.statwall.sampling.Metric;
import dev.statwall.sampling.Unit;

import static org.assertj.core.api.Assertions.assertThat;

/** A row's hover tip is written on the server, in the units of each series: the browser formats nothing. */
class CardTipTests {

	private static CardDefinition card(String value, List<String> series) {
		DashboardProperties.Card card = new DashboardProperties.Card("network", CardType.WIDE_SERIES_STAT,
				Box.valueOf("1 1 2 1"), "Network", value, "", "", null, series, List.of(), 15, "teal", PlotType.AREA,
				PlotCurve.LINEAR, 100, null, null, List.of(), null, "", false);
		Dashboard dashboard = new Dashboard(
				new DashboardProperties(List.of(new DashboardProperties.Page("/", "Home", List.of(card)))),
				List.of(new Metric("net.rx", Unit.BYTES_PER_SECOND, "received"),
						new Metric("net.tx", Unit.BYTES_PER_SECOND, "sent"),
						new Metric("cpu.usage", Unit.PERCENT, "cpu")));
		return dashboard.pages().get(0).cards().get(0);
	}

	@Test
	void whenACardPlotsSeveralSeriesThenTheTipNamesEachWithItsUnit() {
		CardDefinition network = card("={{rate rx}} in", List.of("net.rx", "net.tx"));
		assertThat(network.tip(new double[] { 2048, 1.5 * 1024 * 1024 }, Map.of()))
			.isEqualTo("rx 2.00 KiB/s  tx 1.50 MiB/s");
		assertThat(network.tip(new double[] { Double.NaN, 0 }, Map.of())).isEqualTo("rx n/a  tx 0 B/s");
	}

	@Test
	void whenACardPlotsOneSeriesThenTheTipIsItsValueText() {
		CardDefinition cpu = card("={{percent usage}}", List.of("cpu.usage"));
		assertThat(cpu.tip(new double[] { 42.25 }, Map.of())).isEqualTo(cpu.text(new double[] { 42.25 })).isEqualTo("42.3%");
	}

}
