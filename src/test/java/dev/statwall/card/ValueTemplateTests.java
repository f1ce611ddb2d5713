package dev.statwall.card;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ValueTemplateTests {

	@Test
	void whenTheTutorialTemplateFormatsAUsageThenItReadsLikePsutil() {
		ValueTemplate template = ValueTemplate.parse("={{usage}}%", List.of("usage"));
		assertThat(template.format(new double[] { 4.2 })).isEqualTo("4.2%");
		assertThat(template.format(new double[] { 12.345 })).isEqualTo("12.3%");
	}

	@Test
	void whenHelpersAreNamedThenUnitsAreFormatted() {
		ValueTemplate template = ValueTemplate.parse("={{rate rx}} in, {{bytes used}} used", List.of("rx", "used"));
		assertThat(template.format(new double[] { 1536, 3.5 * 1024 * 1024 * 1024 }))
			.isEqualTo("1.50 KiB/s in, 3.50 GiB used");
	}

	@Test
	void whenAValueIsNotAvailableThenTheWholeTextIsNa() {
		ValueTemplate template = ValueTemplate.parse("={{usage}}%", List.of("usage"));
		assertThat(template.format(new double[] { Double.NaN })).isEqualTo("n/a");
	}

	@Test
	void whenTheTemplateHasNoEqualsSignThenItIsShownAsWritten() {
		assertThat(ValueTemplate.parse("{{usage}}", List.of("usage")).format(new double[] { 1 })).isEqualTo("{{usage}}");
	}

	@Test
	void whenATemplateNamesAnUnknownColumnOrHelperThenTheMessageSaysWhich() {
		assertThatIllegalArgumentException().isThrownBy(() -> ValueTemplate.parse("={{usag}}%", List.of("usage")))
			.withMessageContaining("unknown column 'usag'")
			.withMessageContaining("[usage]");
		assertThatIllegalArgumentException().isThrownBy(() -> ValueTemplate.parse("={{kelvin usage}}", List.of("usage")))
			.withMessageContaining("unknown helper 'kelvin'");
		assertThatIllegalArgumentException().isThrownBy(() -> ValueTemplate.parse("={{usage", List.of("usage")))
			.withMessageContaining("malformed");
	}

}
