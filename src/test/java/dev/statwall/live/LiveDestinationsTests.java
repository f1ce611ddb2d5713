package dev.statwall.live;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LiveDestinationsTests {

	@Test
	void whenADestinationIsDocumentedThenItIsSubscribableAndNothingElseIs() {
		assertThat(LiveDestinations.isSubscribable("/topic/cards/pi-07/monitor.cpu_stats")).isTrue();
		assertThat(LiveDestinations.isSubscribable("/topic/tables/pi-07/home.processes")).isTrue();
		assertThat(LiveDestinations.isSubscribable("/app/cards/pi-07/home.cpu")).isTrue();
		assertThat(LiveDestinations.isSubscribable("/app/tables/pi-07/home.processes")).isTrue();
		assertThat(LiveDestinations.isSubscribable("/topic/overview")).isTrue();
		assertThat(LiveDestinations.isSubscribable("/user/queue/overview")).isTrue();
		for (String other : new String[] { null, "", "/topic/cards/**", "/topic/cards/pi-07/*", "/topic/cards/pi-07",
				"/topic/cards/a/b/c", "/topic/overview/", "/topic/overviewx", "/queue/x", "/user/queue/x",
				"/queue/overview-usersession1", "/user/other/queue/overview", "/user/queue/overview/x", "/app/other/a/b",
				"/topic/cards/pi 07/x", "/topic/cards/" + "a".repeat(201) + "/x" }) {
			assertThat(LiveDestinations.isSubscribable(other)).as(other).isFalse();
		}
	}

}
