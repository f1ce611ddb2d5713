package dev.statwall.buffer;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BufferRepositoryTests {

	private final BufferRepository repository = new BufferRepository(Clock.systemUTC());

	@Test
	void whenTheSameBufferIsAskedForTwiceThenItIsTheSameBuffer() {
		CyclicBuffer first = this.repository.cyclic("n/cpu", List.of("usage"), 15);
		first.append(1, new double[] { 1 });
		assertThat(this.repository.cyclic("n/cpu", List.of("usage"), 15)).isSameAs(first);
		assertThat(this.repository.findCyclic("n/cpu")).containsSame(first);
	}

	@Test
	void whenACardsShapeChangesThenItsBufferStartsAgainWithANewEpoch() throws InterruptedException {
		CyclicBuffer first = this.repository.cyclic("n/cpu", List.of("usage"), 15);
		Thread.sleep(2);
		CyclicBuffer resized = this.repository.cyclic("n/cpu", List.of("usage"), 30);
		assertThat(resized).isNotSameAs(first);
		assertThat(resized.capacity()).isEqualTo(30);
		assertThat(resized.epoch()).isNotEqualTo(first.epoch());
	}

	@Test
	void whenANodeIsForgottenThenOnlyItsBuffersGo() {
		this.repository.cyclic("a/cpu", List.of("usage"), 15);
		this.repository.cyclic("ab/cpu", List.of("usage"), 15);
		this.repository.removeAll("a/");
		assertThat(this.repository.cyclicNames()).containsExactly("ab/cpu");
	}

}
