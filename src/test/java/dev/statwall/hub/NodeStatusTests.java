package dev.statwall.hub;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NodeStatusTests {

	private static final Duration STALE = Duration.ofSeconds(3);

	private static final Duration OFFLINE = Duration.ofSeconds(30);

	@Test
	void whenSilentShorterThanStaleAfterThenOnline() {
		assertThat(NodeStatus.of(Duration.ZERO, STALE, OFFLINE)).isEqualTo(NodeStatus.ONLINE);
		assertThat(NodeStatus.of(Duration.ofMillis(2_999), STALE, OFFLINE)).isEqualTo(NodeStatus.ONLINE);
	}

	@Test
	void whenSilentFromStaleAfterUntilOfflineAfterThenStale() {
		assertThat(NodeStatus.of(STALE, STALE, OFFLINE)).isEqualTo(NodeStatus.STALE);
		assertThat(NodeStatus.of(Duration.ofMillis(29_999), STALE, OFFLINE)).isEqualTo(NodeStatus.STALE);
	}

	@Test
	void whenSilentForOfflineAfterOrLongerThenOffline() {
		assertThat(NodeStatus.of(OFFLINE, STALE, OFFLINE)).isEqualTo(NodeStatus.OFFLINE);
		assertThat(NodeStatus.of(Duration.ofDays(3), STALE, OFFLINE)).isEqualTo(NodeStatus.OFFLINE);
	}

	@Test
	void whenTheHubsClockIsBehindTheLastSeenTimeThenTheNodeIsOnline() {
		assertThat(NodeStatus.of(10_000, 9_000, STALE, OFFLINE)).isEqualTo(NodeStatus.ONLINE);
	}

}
