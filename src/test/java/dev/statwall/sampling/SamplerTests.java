package dev.statwall.sampling;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class SamplerTests {

	private final List<Sample> published = new CopyOnWriteArrayList<>();

	private Sampler sampler;

	@AfterEach
	void stop() {
		if (this.sampler != null) {
			this.sampler.destroy();
		}
	}

	@Test
	void whenTheFirstReadIsMeasuredSinceBootThenItIsThrownAway() {
		AtomicInteger reads = new AtomicInteger();
		this.sampler = sampler(() -> reading(reads.incrementAndGet()));
		this.sampler.sampleNow();
		this.sampler.sampleNow();
		this.sampler.sampleNow();
		assertThat(this.published).extracting(Sample::tick).containsExactly(1L, 2L);
		assertThat(this.published).extracting((sample) -> sample.reading().value("cpu.usage")).containsExactly(2.0, 3.0);
	}

	@Test
	void whenReadingFailsThenItIsLoggedOnceAndCardsGetNa(CapturedOutput output) {
		AtomicInteger reads = new AtomicInteger();
		this.sampler = sampler(() -> {
			int n = reads.incrementAndGet();
			if (n >= 3 && n <= 12) {
				throw new IllegalStateException("sensor bus gone");
			}
			return reading(n);
		});
		for (int i = 0; i < 14; i++) {
			this.sampler.sampleNow();
		}
		assertThat(this.published).hasSize(13);
		assertThat(this.published.get(2).reading().value("cpu.usage")).isNaN();
		assertThat(this.published.get(12).reading().value("cpu.usage")).isEqualTo(14.0);
		assertThat(output.getOut().split("sensor bus gone", -1)).as("logged once, not ten times").hasSize(2);
		assertThat(output.getOut()).contains("can be read again");
	}

	@Test
	void whenAReadIsSlowThenTheSchedulerThreadIsNotHeldAndOverlappingTicksAreSkipped() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger reads = new AtomicInteger();
		this.sampler = sampler(() -> {
			if (reads.incrementAndGet() == 1) {
				try {
					release.await(60, TimeUnit.SECONDS); // the first read hangs until the test lets it go
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			return reading(1);
		});
		for (int i = 0; i < 5; i++) {
			this.sampler.sampleLater(); // would wait for the hanging read if the scheduler's thread did the read
		}
		assertThat(release.getCount()).as("every call returned while the read still hangs").isOne();
		assertThat(this.sampler.skipped()).as("the four ticks due during the slow read were skipped, not queued")
			.isEqualTo(4);
		await().atMost(Duration.ofSeconds(30)).until(() -> reads.get() == 1);
		release.countDown();
		// once the slow read is over, ticks are read again
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			this.sampler.sampleLater();
			return reads.get() >= 2;
		});
	}

	private Sampler sampler(java.util.function.Supplier<Reading> reads) {
		SystemProbe probe = new SystemProbe() {
			@Override
			public List<Metric> metrics() {
				return List.of(new Metric("cpu.usage", Unit.PERCENT, "test"));
			}

			@Override
			public Reading read() {
				return reads.get();
			}
		};
		return new Sampler(probe, (event) -> this.published.add((Sample) event), Clock.systemUTC());
	}

	private static Reading reading(double cpu) {
		return new Reading(Map.of("cpu.usage", cpu), Map.of(), Map.of());
	}

}
