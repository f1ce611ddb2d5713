package dev.statwall.agent;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTests {

	@Test
	void whenFailuresFollowEachOtherThenTheCeilingDoublesUpToTheMaximum() {
		Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), new SplittableRandom(1));
		long[] ceilings = new long[10];
		for (int i = 0; i < ceilings.length; i++) {
			backoff.failed();
			ceilings[i] = backoff.ceilingMillis();
		}
		assertThat(ceilings).containsExactly(500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000, 30_000);
	}

	@Test
	void whenWaitingThenEveryWaitIsBetweenZeroAndTheCeiling() {
		SplittableRandom random = new SplittableRandom(7);
		for (int run = 0; run < 200; run++) {
			Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), random.split());
			for (int failure = 1; failure <= 12; failure++) {
				long wait = backoff.failed();
				assertThat(wait).isBetween(0L, Math.min(30_000L, 500L << (failure - 1)));
			}
		}
	}

	@Test
	void whenManyAgentsLoseTheHubAtOnceThenTheirRetriesSpreadOverTheWholeWindow() {
		// full jitter: 256 agents at their 7th failure spread over 0..30 s instead of all retrying together
		SplittableRandom random = new SplittableRandom(42);
		int[] perSecond = new int[31];
		Set<Long> distinct = new HashSet<>();
		for (int agent = 0; agent < 256; agent++) {
			Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), random.split());
			long wait = 0;
			for (int failure = 0; failure < 7; failure++) {
				wait = backoff.failed();
			}
			perSecond[(int) (wait / 1000)]++;
			distinct.add(wait);
		}
		assertThat(distinct).hasSizeGreaterThan(240);
		for (int second = 0; second < 30; second++) {
			assertThat(perSecond[second]).as("retries in second %d", second).isLessThanOrEqualTo(25);
		}
	}

	@Test
	void whenTheHubAnswersThenTheNextFailureStartsFromTheInitialWaitAgain() {
		Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5), new SplittableRandom(3));
		for (int i = 0; i < 10; i++) {
			backoff.failed();
		}
		assertThat(backoff.ceilingMillis()).isEqualTo(5_000);
		backoff.succeeded();
		assertThat(backoff.failures()).isZero();
		assertThat(backoff.failed()).isLessThanOrEqualTo(200);
	}

	@Test
	void whenTheHubStaysAwayForeverThenTheWaitNeverOverflows() {
		Backoff backoff = new Backoff(Duration.ofMillis(1), Duration.ofHours(1), new SplittableRandom(5));
		for (int i = 0; i < 10_000; i++) {
			assertThat(backoff.failed()).isBetween(0L, 3_600_000L);
		}
		assertThat(backoff.ceilingMillis()).isEqualTo(3_600_000);
	}

}
