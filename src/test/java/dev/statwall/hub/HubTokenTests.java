package dev.statwall.hub;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HubTokenTests {

	private final HubToken token = new HubToken("s3cret-token");

	@Test
	void whenTheBearerTokenIsTheHubsThenItAuthorizes() {
		assertThat(this.token.authorizes("Bearer s3cret-token")).isTrue();
		assertThat(this.token.authorizes("bearer s3cret-token")).as("the scheme is case-insensitive").isTrue();
		assertThat(this.token.authorizes("Bearer  s3cret-token ")).isTrue();
	}

	@Test
	void whenTheTokenDiffersInAnyWayThenItDoesNotAuthorize() {
		assertThat(this.token.authorizes(null)).isFalse();
		assertThat(this.token.authorizes("")).isFalse();
		assertThat(this.token.authorizes("Bearer")).isFalse();
		assertThat(this.token.authorizes("Bearer ")).isFalse();
		assertThat(this.token.authorizes("s3cret-token")).as("no scheme").isFalse();
		assertThat(this.token.authorizes("Basic s3cret-token")).isFalse();
		assertThat(this.token.authorizes("Bearer s3cret-toke")).as("a prefix").isFalse();
		assertThat(this.token.authorizes("Bearer s3cret-token2")).as("longer").isFalse();
		assertThat(this.token.authorizes("Bearer S3CRET-TOKEN")).as("the token is case-sensitive").isFalse();
		assertThat(this.token.matches(null)).isFalse();
	}

	@Test
	void whenPrintedThenTheTokenNeverShows() {
		assertThat(this.token.toString()).doesNotContain("s3cret");
		assertThat(HubFixture.properties().toString()).doesNotContain("s3cret").contains("token=***");
	}

	@Test
	void whenTheTokenIsBlankThenTheHubRefusesIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> new HubToken("  "));
	}

}
