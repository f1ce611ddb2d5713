package dev.statwall.buffer;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.statwall.buffer.MapBuffer.KeyedRow;
import dev.statwall.buffer.MapBuffer.MapChange;

import static org.assertj.core.api.Assertions.assertThat;

class MapBufferTests {

	private final MapBuffer buffer = new MapBuffer(List.of("name", "cpu"));

	@Test
	void whenRowsArePutAndDeletedThenEachChangeGetsTheNextSequenceNumber() {
		MapChange put = this.buffer.put("42", List.of("java", 12.5));
		MapChange deleted = this.buffer.delete("42");
		assertThat(put.seq()).isEqualTo(1);
		assertThat(deleted.seq()).isEqualTo(2);
		assertThat(deleted.deleted()).containsExactly("42");
		assertThat(this.buffer.rows()).isEmpty();
	}

	@Test
	void whenContentIsReplacedThenOnlyChangedRowsAndGoneKeysAreReported() {
		this.buffer.replaceAll(Map.of("1", List.of("init", 0.0), "42", List.of("java", 12.5)));
		MapChange change = this.buffer.replaceAll(Map.of("1", List.of("init", 0.0), "7", List.of("sshd", 1.0)));
		assertThat(change.put()).extracting(KeyedRow::key).containsExactly("7");
		assertThat(change.deleted()).containsExactly("42");
		assertThat(this.buffer.rows()).extracting(KeyedRow::key).containsExactlyInAnyOrder("1", "7");
	}

	/** A cell a node could not read is null (n/a): a table takes it on every path, as the wire format allows. */
	@Test
	void whenACellIsNullThenEveryUpdateTakesIt() {
		List<Object> unreadable = Arrays.asList("kworker", null, 0.0);
		assertThat(this.buffer.put("9", unreadable).put().get(0).cells()).containsExactly("kworker", null, 0.0);
		MapChange replaced = this.buffer.replaceAll(Map.of("9", Arrays.asList("kworker", null, 1.0)));
		assertThat(replaced.put().get(0).cells()).containsExactly("kworker", null, 1.0);
		assertThat(this.buffer.replaceAll(Map.of("9", Arrays.asList("kworker", null, 1.0))).put()).isEmpty();
	}

	@Test
	void whenAnUpdateChangesNothingThenTheSequenceNumberStays() {
		this.buffer.replaceAll(Map.of("1", List.of("init", 0.0), "42", List.of("java", 12.5)));
		long seq = this.buffer.lastSeq();

		MapChange same = this.buffer.replaceAll(Map.of("42", List.of("java", 12.5), "1", List.of("init", 0.0)));
		MapChange samePut = this.buffer.put("42", List.of("java", 12.5));
		MapChange missingDelete = this.buffer.delete("7");

		assertThat(List.of(same, samePut, missingDelete)).allSatisfy((change) -> {
			assertThat(change.isEmpty()).isTrue();
			assertThat(change.seq()).isEqualTo(seq);
		});
		assertThat(this.buffer.lastSeq()).isEqualTo(seq);
		assertThat(this.buffer.replaceAll(Map.of("1", List.of("init", 0.5))).seq()).as("the next real change")
			.isEqualTo(seq + 1);
	}

}
