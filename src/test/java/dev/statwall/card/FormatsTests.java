package dev.statwall.card;

import org.junit.jupiter.api.Test;

import dev.statwall.sampling.Unit;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTests {

	@Test
	void bytesUseBinaryUnits() {
		assertThat(Formats.bytes(512)).isEqualTo("512 B");
		assertThat(Formats.bytes(1024)).isEqualTo("1.00 KiB");
		assertThat(Formats.bytes(200 * 1024 * 1024)).isEqualTo("200 MiB");
		assertThat(Formats.bytes(16.0 * 1024 * 1024 * 1024)).isEqualTo("16.0 GiB");
	}

	@Test
	void ratesCanBeBytesOrBits() {
		assertThat(Formats.rate(2048)).isEqualTo("2.00 KiB/s");
		assertThat(Formats.bits(12_500_000)).isEqualTo("100 Mbit/s");
	}

	@Test
	void durationsShowTheTwoLargestUnits() {
		assertThat(Formats.duration(42)).isEqualTo("42s");
		assertThat(Formats.duration(3 * 86_400 + 4 * 3_600 + 5)).isEqualTo("3d 4h");
		assertThat(Formats.duration(3_700)).isEqualTo("1h 1m");
	}

	@Test
	void temperaturesAndCountsAreReadable() {
		assertThat(Formats.temperature(48.46)).isEqualTo("48.5 °C");
		assertThat(Formats.count(1234567)).isEqualTo("1,234,567");
		assertThat(Formats.percent(99.95)).isEqualTo("100.0%");
	}

	@Test
	void everyUnitHasOneFormatAndNothingIsNotANumber() {
		assertThat(Formats.of(Unit.PERCENT, 42.25)).isEqualTo("42.3%");
		assertThat(Formats.of(Unit.RATIO, 0.5)).isEqualTo("50.0%");
		assertThat(Formats.of(Unit.BYTES, 2048)).isEqualTo("2.00 KiB");
		assertThat(Formats.of(Unit.BYTES_PER_SECOND, 2048)).isEqualTo("2.00 KiB/s");
		assertThat(Formats.of(Unit.PER_SECOND, 3.25)).isEqualTo("3.3/s");
		assertThat(Formats.of(Unit.CELSIUS, 48.46)).isEqualTo("48.5 °C");
		assertThat(Formats.of(Unit.RPM, 1200.4)).isEqualTo("1200 rpm");
		assertThat(Formats.of(Unit.SECONDS, 3_700)).isEqualTo("1h 1m");
		assertThat(Formats.of(Unit.COUNT, 1234)).isEqualTo("1,234");
		assertThat(Formats.of(Unit.COUNT, 18.26)).isEqualTo("18.26");
		for (Unit unit : Unit.values()) {
			assertThat(Formats.of(unit, Double.NaN)).as(unit.name()).isEqualTo("n/a");
		}
	}

}
