package dev.statwall.sampling;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnitTests {

	@Test
	void whenAValueIsRoundedThenItPrintsWithAtMostItsUnitsDecimals() {
		SplittableRandom random = new SplittableRandom(9);
		for (Unit unit : Unit.values()) {
			for (int i = 0; i < 20_000; i++) {
				double value = random.nextDouble() * Math.pow(10, random.nextInt(-3, 13));
				double rounded = unit.round(value);
				assertThat(new BigDecimal(Double.toString(rounded)).stripTrailingZeros().scale())
					.as("%s of %s is %s", unit, value, rounded)
					.isLessThanOrEqualTo(unit.decimals());
				// beyond 2^53 in its smallest unit a number holds no such decimals: it is rounded to a whole one
				double step = (value * Math.pow(10, unit.decimals()) < 0x1p53) ? Math.pow(10, -unit.decimals()) : 1;
				assertThat(Math.abs(rounded - value)).as("%s of %s", unit, value)
					.isLessThanOrEqualTo(step / 2 + Math.ulp(value));
			}
		}
	}

	@Test
	void whenArithmeticLeavesBinaryNoiseThenRoundingTakesItAway() {
		assertThat(18 + 0.2 + 0.06).isEqualTo(18.259999999999998);
		assertThat(Unit.COUNT.round(18 + 0.2 + 0.06)).isEqualTo(18.26);
		assertThat(Unit.RATIO.round(40.1 * 0.01)).hasToString("0.401");
		assertThat(Unit.PERCENT.round(100.0 / 3)).isEqualTo(33.33);
		assertThat(Unit.BYTES.round(1234.5)).isEqualTo(1234.0);
		assertThat(Unit.SECONDS.round(12_345_678.91 + 0.01)).isEqualTo(12_345_678.92);
	}

	@Test
	void whenAValueIsNotANumberOrTooLargeForAFractionThenItStaysAsItIs() {
		assertThat(Unit.PERCENT.round(Double.NaN)).isNaN();
		assertThat(Unit.BYTES.round(Double.POSITIVE_INFINITY)).isInfinite();
		assertThat(Unit.BYTES.round(1.2345678901234567e17)).isEqualTo(1.2345678901234567e17);
		assertThat(Unit.PERCENT.round(1e14 + 0.5)).isEqualTo(1e14);
		assertThat(Unit.CELSIUS.round(-0.04)).as("no negative zero").hasToString("0.0");
	}

}
