package dev.statwall.wire;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.statwall.sampling.Reading;
import dev.statwall.sampling.Table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SampleBatchReaderTests {

	private final SampleBatchReader reader = new SampleBatchReader();

	@Test
	void whenWrittenAndReadBackThenEveryValueTextAndTableSurvives() {
		Map<String, List<Object>> rows = new LinkedHashMap<>();
		rows.put("/", List.of("/", "ext4", 1.5e10, true));
		rows.put("/bo\"ot\n", java.util.Arrays.asList("/boot", "vfat", null, false));
		SampleBatch batch = new SampleBatch(1, "pi-07", "run-1", 1000, 3, new long[] { 41, 42 },
				new long[] { 1_000, 2_000 }, new String[] { "cpu.usage", "net.rx", "sensors.cpu.temperature" },
				new double[][] { { 12.5, 13 }, { 1024, Double.NaN }, { -4.5, 0.25 } },
				Map.of("os.name", "Debian \"bookworm\" \\ ü\t"),
				Map.of("filesystems", new Table(List.of("mount", "type", "used", "ok"), rows)));

		SampleBatch read = this.reader.read(SampleBatchWriter.write(batch));

		assertThat(read.node()).isEqualTo("pi-07");
		assertThat(read.run()).isEqualTo("run-1");
		assertThat(read.interval()).isEqualTo(1000);
		assertThat(read.dropped()).isEqualTo(3);
		assertThat(read.seq()).containsExactly(41, 42);
		assertThat(read.time()).containsExactly(1_000, 2_000);
		assertThat(read.metrics()).containsExactly("cpu.usage", "net.rx", "sensors.cpu.temperature");
		Reading first = read.reading(0);
		Reading second = read.reading(1);
		assertThat(first.value("cpu.usage")).isEqualTo(12.5);
		assertThat(second.value("cpu.usage")).isEqualTo(13.0);
		assertThat(second.value("net.rx")).as("null on the wire is n/a").isNaN();
		assertThat(first.value("sensors.cpu.temperature")).as("temperatures may be negative").isEqualTo(-4.5);
		assertThat(first.value("not.sent")).isNaN();
		assertThat(first.texts()).as("texts describe the newest sample only").isEmpty();
		assertThat(second.texts()).containsEntry("os.name", "Debian \"bookworm\" \\ ü\t");
		Table table = second.tables().get("filesystems");
		assertThat(table.columns()).containsExactly("mount", "type", "used", "ok");
		assertThat(table.rows().get("/")).containsExactly("/", "ext4", 1.5e10, true);
		assertThat(table.rows().get("/bo\"ot\n")).containsExactly("/boot", "vfat", null, false);
		assertThat(second.values()).containsOnlyKeys("cpu.usage", "net.rx", "sensors.cpu.temperature");
	}

	@Test
	void whenTheVersionIsNotOneThenTheReasonSaysWhichVersionsAreRead() {
		assertRefused("{\"version\":2,\"node\":\"a\",\"whatever\":true}",
				"unsupported wire format version 2; this hub reads version 1");
		assertRefused("{\"node\":\"a\"}", "missing 'version'");
	}

	@Test
	void whenTheBodyIsNotJsonOrCutShortThenItIsMalformed() {
		assertRefused("", "a batch is a JSON object");
		assertRefused("garbage", "malformed JSON at line 1, column 1");
		assertRefused(valid().substring(0, 40), "malformed JSON");
		assertRefused(valid() + "{}", "unexpected content after");
		assertRefused("[1,2,3]", "a batch is a JSON object");
		assertRefused(valid().replace("\"interval\":1000", "\"interval\":1000,\"interval\":2000"), "Duplicate");
	}

	@Test
	void whenAFieldHasTheWrongTypeThenTheReasonNamesIt() {
		assertRefused(valid().replace("\"interval\":1000", "\"interval\":\"1s\""),
				"'interval' must be a whole number, was a string");
		assertRefused(valid().replace("\"seq\":[1,2]", "\"seq\":[1,2.5]"), "'seq[1]' must be a whole number");
		assertRefused(valid().replace("[12.5,13]", "[12.5,\"13\"]"),
				"'values.cpu.usage[1]' must be a number or null, was a string");
		assertRefused(valid().replace("\"node\":\"pi-07\"", "\"node\":7"), "'node' must be a string");
		assertRefused(valid().replace("\"values\":{", "\"values\":{\"x\":{},"), "'values.x' must be an array");
	}

	@Test
	void whenAValueIsImpossibleThenTheReasonSaysWhy() {
		assertRefused(valid().replace("[12.5,13]", "[12.5,-13]"), "'values.cpu.usage[1]' is -13.0; cpu.usage cannot be negative");
		assertRefused(valid().replace("\"seq\":[1,2]", "\"seq\":[0,1]"), "'seq[0]' must be at least 1");
		assertRefused(valid().replace("\"seq\":[1,2]", "\"seq\":[2,2]"), "'seq' must increase");
		assertRefused(valid().replace("\"time\":[1000,2000]", "\"time\":[2000,1000]"), "'time' must not go back");
		assertRefused(valid().replace("\"time\":[1000,2000]", "\"time\":[1000]"), "'time' has 1 entries but 'seq' has 2");
		assertRefused(valid().replace("[12.5,13]", "[12.5]"), "'values.cpu.usage' has 1 entries but 'seq' has 2");
		assertRefused(valid().replace("[12.5,13]", "[12.5,1e400]"), "out of range");
		assertRefused(valid().replace("\"dropped\":0", "\"dropped\":-1"), "'dropped' must be at least 0");
		assertRefused(valid().replace("\"seq\":[1,2]", "\"seq\":[1,99999999999999999999]"), "malformed JSON");
	}

	@Test
	void whenTheNodeOrRunIsNotANameThenItIsRefused() {
		assertRefused(valid().replace("\"node\":\"pi-07\"", "\"node\":\"../etc\""), "node name '../etc' must start");
		assertRefused(valid().replace("\"node\":\"pi-07\"", "\"node\":\"pi 07\""), "must start with a letter or digit");
		assertRefused(valid().replace("\"run\":\"r1\"", "\"run\":\"r/1\""), "'run' must be 1 to 64");
		assertRefused(valid().replace("\"node\":\"pi-07\",", ""), "missing 'node'");
	}

	@Test
	void whenAFieldIsUnknownThenItIsRefusedWithItsName() {
		assertRefused(valid().replace("\"dropped\":0", "\"dropped\":0,\"extra\":[1,{\"a\":2}]"),
				"unknown field 'extra'");
	}

	static String valid() {
		return "{\"version\":1,\"node\":\"pi-07\",\"run\":\"r1\",\"interval\":1000,\"dropped\":0,\"seq\":[1,2],"
				+ "\"time\":[1000,2000],\"values\":{\"cpu.usage\":[12.5,13],\"memory.usage\":[40,null]}}";
	}

	@Test
	void whenTheBodyIsValidThenItIsRead() {
		SampleBatch batch = this.reader.read(valid().getBytes(StandardCharsets.UTF_8));
		assertThat(batch.size()).isEqualTo(2);
		assertThat(batch.reading(1).value("memory.usage")).isNaN();
	}

	private void assertRefused(String body, String reason) {
		assertThatExceptionOfType(BadBatchException.class)
			.isThrownBy(() -> this.reader.read(body.getBytes(StandardCharsets.UTF_8)))
			.withMessageContaining(reason);
	}

}
