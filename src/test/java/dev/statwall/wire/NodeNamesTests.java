package dev.statwall.wire;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NodeNamesTests {

	@Test
	void whenANameIsAHostnameOrLabelThenItIsValid() {
		assertThat(NodeNames.isValid("pi-07")).isTrue();
		assertThat(NodeNames.isValid("sim-001")).isTrue();
		assertThat(NodeNames.isValid("db1.rack-2.example")).isTrue();
		assertThat(NodeNames.isValid("Node_9")).isTrue();
		assertThat(NodeNames.isValid("a".repeat(63))).isTrue();
	}

	@Test
	void whenANameCouldBreakAUrlADestinationOrABufferNameThenItIsRefused() {
		assertThat(NodeNames.isValid("")).isFalse();
		assertThat(NodeNames.isValid("a".repeat(64))).isFalse();
		assertThat(NodeNames.isValid("-lead")).isFalse();
		assertThat(NodeNames.isValid(".hidden")).isFalse();
		assertThat(NodeNames.isValid("a/b")).isFalse();
		assertThat(NodeNames.isValid("a b")).isFalse();
		assertThat(NodeNames.isValid("a*")).isFalse();
		assertThat(NodeNames.isValid("<script>")).isFalse();
		assertThat(NodeNames.isValid("pi\n07")).isFalse();
		assertThat(NodeNames.isValid("ünï")).isFalse();
	}

	@Test
	void whenANameIsRefusedThenTheReasonShowsItWithoutControlCharacters() {
		assertThatIllegalArgumentException().isThrownBy(() -> NodeNames.require("pi\n07"))
			.withMessage("node name 'pi\\u000a07' must start with a letter or digit and contain only letters, digits, '.', '_' and '-'");
		assertThat(NodeNames.problem("a".repeat(70))).isEqualTo("a node name has at most 63 characters, this one has 70");
		assertThat(NodeNames.problem("")).isEqualTo("a node name must not be empty");
	}

}
