package dev.statwall.sampling;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RatesTests {

	private static final long SECOND = 1_000_000_000L;

	@Test
	void whenCounterRisesThenRateIsIncreasePerSecond() {
		assertThat(Rates.perSecond(1000, 3000, 2 * SECOND)).isEqualTo(1000.0);
	}

	@Test
	void whenCounterGoesBackwardsThenRateIsZeroNeverNegative() {
		// a 32-bit counter that wrapped, and a counter reset to 0 by a driver reload
		assertThat(Rates.perSecond(4_294_967_000L, 200, SECOND)).isZero();
		assertThat(Rates.perSecond(123_456_789L, 0, SECOND)).isZero();
	}

	@Test
	void whenThereIsNoEarlierReadingOrNoTimeThenRateIsNaN() {
		assertThat(Rates.perSecond(Rates.UNKNOWN, 5, SECOND)).isNaN();
		assertThat(Rates.perSecond(5, 10, 0)).isNaN();
	}

	@Test
	void whenDeviceCounterWrapsThenThatIntervalIsZeroAndTheNextIsNormal() {
		DeviceCounters counters = new DeviceCounters("net.", "eth9", new String[] { "rx_bytes_total" },
				new String[] { "rx" });
		double[] rates = new double[1];
		counters.current[0] = 5_000;
		Readout out = new Readout(4);
		counters.update(0, rates, out);
		assertThat(rates[0]).isNaN();
		counters.current[0] = 100;
		counters.update(SECOND, rates, out);
		assertThat(rates[0]).isZero();
		counters.current[0] = 600;
		counters.update(2 * SECOND, rates, out);
		assertThat(rates[0]).isEqualTo(500.0);
		assertThat(counters.rateNames).containsExactly("net.eth9.rx");
		assertThat(counters.counterNames).containsExactly("net.eth9.rx_bytes_total");
		assertThat(out.toReading().value("net.eth9.rx_bytes_total")).as("the counter itself, as the kernel has it")
			.isEqualTo(600.0);
	}

	@Test
	void whenAPlatformLacksACounterThenItIsNaNAndSoIsItsRate() {
		DeviceCounters counters = new DeviceCounters("net.", "en0", new String[] { "tx_drops_total" },
				new String[] { "drops" });
		double[] rates = new double[1];
		Readout out = new Readout(4);
		counters.current[0] = -1;
		counters.update(0, rates, out);
		counters.update(SECOND, rates, out);
		assertThat(rates[0]).isNaN();
		assertThat(out.toReading().value("net.en0.tx_drops_total")).isNaN();
	}

}
