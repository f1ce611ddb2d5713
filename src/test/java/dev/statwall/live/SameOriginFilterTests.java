package dev.statwall.live;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SameOriginFilterTests {

	@Test
	void whenTheOriginIsThePagesOwnThenItPassesWithDefaultPortsAndAnyCase() {
		assertThat(SameOriginFilter.sameOrigin("http://hub.local:8080", "http", "hub.local", 8080)).isTrue();
		assertThat(SameOriginFilter.sameOrigin("https://HUB.local", "https", "hub.local", 443)).isTrue();
		assertThat(SameOriginFilter.sameOrigin("http://hub.local", "http", "hub.local", 80)).isTrue();
		assertThat(SameOriginFilter.sameOrigin("http://[::1]:8080", "http", "[::1]", 8080)).isTrue();
		assertThat(SameOriginFilter.sameOrigin("http://[::1]:8080", "http", "::1", 8080)).isTrue();
	}

	@Test
	void whenTheOriginIsAnotherSchemeHostOrPortOrNotAnOriginThenItDoesNot() {
		assertThat(SameOriginFilter.sameOrigin("https://hub.local:8080", "http", "hub.local", 8080)).isFalse();
		assertThat(SameOriginFilter.sameOrigin("http://hub.local:8081", "http", "hub.local", 8080)).isFalse();
		assertThat(SameOriginFilter.sameOrigin("http://hub.local", "http", "hub.local", 8080)).isFalse();
		assertThat(SameOriginFilter.sameOrigin("http://evil.local:8080", "http", "hub.local", 8080)).isFalse();
		assertThat(SameOriginFilter.sameOrigin("http://hub.local:8080/", "http", "hub.local", 8080)).isFalse();
		assertThat(SameOriginFilter.sameOrigin("http://x@hub.local:8080", "http", "hub.local", 8080)).isFalse();
		assertThat(SameOriginFilter.sameOrigin("null", "http", "hub.local", 8080)).isFalse();
		assertThat(SameOriginFilter.sameOrigin("http://hub.local:99999999999999", "http", "hub.local", 8080)).isFalse();
	}

}
