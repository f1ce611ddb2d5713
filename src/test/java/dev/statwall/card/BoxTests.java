package dev.statwall.card;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BoxTests {

	@Test
	void whenWaveNotationIsParsedThenColumnRowWidthHeightAreKept() {
		Box box = Box.valueOf("1 2 3 4");
		assertThat(box).isEqualTo(new Box(1, 2, 3, 4));
		assertThat(box.gridArea()).isEqualTo("grid-area: 2 / 1 / span 4 / span 3");
		assertThat(box).hasToString("1 2 3 4");
	}

	@Test
	void whenTheBoxIsMalformedThenTheMessageShowsTheExpectedShape() {
		assertThatIllegalArgumentException().isThrownBy(() -> Box.valueOf("1 1 1"))
			.withMessageContaining("column row width height");
		assertThatIllegalArgumentException().isThrownBy(() -> Box.valueOf("a b c d"))
			.withMessageContaining("'a b c d'");
		assertThatIllegalArgumentException().isThrownBy(() -> Box.valueOf("0 1 1 1")).withMessageContaining("1 or more");
	}

}
