package dev.statwall.hub.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.statwall.hub.HubFixture;
import dev.statwall.hub.HubProperties;
import dev.statwall.hub.HubToken;
import dev.statwall.wire.SampleBatch;
import dev.statwall.wire.SampleBatchWriter;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Property: whatever a client sends to the ingest API, the answer is 200 or a 4xx with a JSON
 * reason, never a 5xx, and the hub keeps taking good batches. Bodies are generated from a seed
 * (printed on failure; rerun with {@code -Dstatwall.fuzz.seed=...}): valid batches, then the same
 * batches cut short, with bytes flipped, values of the wrong type or sign, fields missing, doubled
 * or unknown, names that are not names, times far off, and plain garbage.
 */
class IngestFuzzTests {

	private static final int BODIES = 12_000;

	private static final long SEED = Long.getLong("statwall.fuzz.seed", System.nanoTime());

	private final HubFixture hub = new HubFixture(new HubProperties("s3cret", false,
			java.time.Duration.ofSeconds(3), java.time.Duration.ofSeconds(30), DataSize.ofKilobytes(64),
			java.time.Duration.ofMinutes(5), java.time.Duration.ofHours(24)));

	private final MockMvc mvc = MockMvcBuilders
		.standaloneSetup(new IngestController(new HubToken("s3cret"), this.hub.nodes, this.hub.properties))
		.setControllerAdvice(new ApiAdvice())
		.build();

	private final SplittableRandom random = new SplittableRandom(SEED);

	private long seq = 1;

	@Test
	void whateverTheBodyTheAnswerIsNeverAServerErrorAndGoodBatchesAreStillTaken() throws Exception {
		Map<Integer, Integer> statuses = new TreeMap<>();
		Map<String, Integer> kinds = new TreeMap<>();
		List<String> failures = new ArrayList<>();
		for (int i = 0; i < BODIES; i++) {
			Case body = next();
			MockHttpServletResponse response = send(body);
			statuses.merge(response.getStatus(), 1, Integer::sum);
			kinds.merge(body.kind() + " " + response.getStatus(), 1, Integer::sum);
			boolean fine = response.getStatus() == 200 || (response.getStatus() >= 400 && response.getStatus() < 500
					&& response.getContentAsString().contains("\"reason\":"));
			if (!fine && failures.size() < 5) {
				failures.add(response.getStatus() + " for " + body.kind() + ": " + printable(body.bytes()) + " → "
						+ response.getContentAsString());
			}
			if (body.kind().equals("valid")) {
				assertThat(response.getStatus()).as("seed %d: a valid batch is taken (%s)", SEED,
						response.getContentAsString()).isEqualTo(200);
			}
		}
		assertThat(failures).as("seed %d, statuses %s", SEED, statuses).isEmpty();
		assertThat(statuses.keySet()).as("seed %d: every kind of refusal came up", SEED)
			.contains(200, 400, 401, 413, 415);
		assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(BODIES);
		// and after all of that, the hub still takes a good batch
		assertThat(send(new Case("valid", valid("after-fuzz"), true, "application/json")).getStatus()).isEqualTo(200);
		System.out.println("Ingest fuzz, seed " + SEED + ": " + statuses + " " + kinds);
	}

	private MockHttpServletResponse send(Case body) throws Exception {
		var request = post("/api/v1/ingest").content(body.bytes());
		if (body.contentType() != null) {
			request.contentType(body.contentType());
		}
		if (body.authorized()) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer s3cret");
		}
		else if (this.random.nextBoolean()) {
			request.header(HttpHeaders.AUTHORIZATION, this.random.nextBoolean() ? "Bearer wrong" : "s3cret");
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

	private Case next() {
		int draw = this.random.nextInt(100);
		String node = "fuzz-" + this.random.nextInt(20);
		if (draw < 12) {
			return new Case("valid", valid(node), true, MediaType.APPLICATION_JSON_VALUE);
		}
		if (draw < 15) {
			return new Case("unauthorized", valid(node), false, MediaType.APPLICATION_JSON_VALUE);
		}
		if (draw < 17) {
			return new Case("content-type", valid(node), true,
					this.random.nextBoolean() ? "text/plain" : (this.random.nextBoolean() ? null : "application/xml"));
		}
		if (draw < 19) {
			return new Case("huge", huge(), true, MediaType.APPLICATION_JSON_VALUE);
		}
		// mutations of other nodes' batches: a mutated time that is still valid moves that node's
		// clock on, and the valid batches above must not then be older than its newest sample
		String json = new String(valid("mutant-" + this.random.nextInt(20)), StandardCharsets.UTF_8);
		byte[] bytes = switch (draw % 9) {
			case 0 -> truncated(json);
			case 1 -> flipped(json);
			case 2 -> replacedValue(json);
			case 3 -> replacedField(json);
			case 4 -> garbage();
			case 5 -> replacedName(json);
			case 6 -> replacedNumber(json);
			case 7 -> deleted(json);
			default -> spliced(json);
		};
		return new Case("mutated-" + (draw % 9), bytes, true, MediaType.APPLICATION_JSON_VALUE);
	}

	private byte[] valid(String node) {
		int size = 1 + this.random.nextInt(5);
		int metrics = this.random.nextInt(6);
		long[] seqs = new long[size];
		long[] times = new long[size];
		String[] names = new String[metrics];
		double[][] values = new double[metrics][size];
		// time moves on between batches: the hub refuses a sample older than a node's newest
		this.hub.clock.advance(java.time.Duration.ofMillis(100));
		long now = this.hub.clock.millis();
		for (int i = 0; i < size; i++) {
			seqs[i] = this.seq++;
			times[i] = now - (size - i) * 10L;
		}
		for (int m = 0; m < metrics; m++) {
			names[m] = List.of("cpu.usage", "memory.usage", "net.rx", "fs./.usage", "sensors.cpu.temperature", "disk.sda.read")
				.get(m);
			for (int i = 0; i < size; i++) {
				values[m][i] = this.random.nextInt(10) == 0 ? Double.NaN
						: this.random.nextDouble(names[m].endsWith(".temperature") ? -40 : 0, 1e9);
			}
		}
		Map<String, String> texts = this.random.nextBoolean() ? Map.of() : Map.of("os.name", "Linux \"x\" ü");
		return SampleBatchWriter.write(new SampleBatch(1, node, "run-fuzz", 1000, // one agent per node: a second run would be refused (409)
				this.random.nextInt(3), seqs, times, names, values, texts, Map.of()));
	}

	private byte[] truncated(String json) {
		return json.substring(0, this.random.nextInt(json.length())).getBytes(StandardCharsets.UTF_8);
	}

	private byte[] flipped(String json) {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		for (int i = 0, flips = 1 + this.random.nextInt(4); i < flips; i++) {
			bytes[this.random.nextInt(bytes.length)] = (byte) this.random.nextInt(256);
		}
		return bytes;
	}

	private static final String[] WRONG_VALUES = { "\"text\"", "{}", "[]", "[[1]]", "true", "null", "-1", "-0.5",
			"1e400", "-1e400", "99999999999999999999999", "0.0000001", "\"\"", "{\"a\":[1,2]}", "NaN", "Infinity",
			"1.5", "0", "[null]", "[-5]", "[\"1\"]", "[1,2,3,4,5,6,7,8,9]", "\"\\u0000\"", "1E2", "[{}]" };

	/** A value somewhere replaced by one of another type or sign. */
	private byte[] replacedValue(String json) {
		String[] fields = { "\"version\":", "\"node\":", "\"run\":", "\"interval\":", "\"dropped\":", "\"seq\":",
				"\"time\":", "\"values\":", "\"cpu.usage\":", "\"texts\":", "\"os.name\":" };
		String field = fields[this.random.nextInt(fields.length)];
		int at = json.indexOf(field);
		if (at < 0) {
			return garbage();
		}
		int start = at + field.length();
		int end = valueEnd(json, start);
		return (json.substring(0, start) + WRONG_VALUES[this.random.nextInt(WRONG_VALUES.length)] + json.substring(end))
			.getBytes(StandardCharsets.UTF_8);
	}

	/** A field doubled, renamed to an unknown one, or an unknown one added. */
	private byte[] replacedField(String json) {
		String changed = switch (this.random.nextInt(3)) {
			case 0 -> json.replaceFirst("\"interval\":1000", "\"interval\":1000,\"interval\":1000");
			case 1 -> json.replaceFirst("\"dropped\"", "\"droppd\"");
			default -> json.replaceFirst("\\{\"version\"", "{\"extra\":{\"deep\":[[[[[[1]]]]]]},\"version\"");
		};
		return changed.getBytes(StandardCharsets.UTF_8);
	}

	private byte[] replacedName(String json) {
		String[] names = { "", " ", "../../etc/passwd", "a/b", "<script>alert(1)</script>", "pi 07", "-x", ".x",
				"x".repeat(64), "x".repeat(5000), "ünï", "a\\u0000b", "a\\nb", "%2e%2e", "a*", "a#b", "*" };
		return json.replaceFirst("\"node\":\"[^\"]*\"", "\"node\":\"" + names[this.random.nextInt(names.length)] + "\"")
			.getBytes(StandardCharsets.UTF_8);
	}

	/** A number made impossible: far-off times, negative sequence numbers, versions that do not exist. */
	private byte[] replacedNumber(String json) {
		long now = this.hub.clock.millis();
		String[][] swaps = { { "\"version\":1", "\"version\":" + this.random.nextInt(-3, 5) },
				{ "\"interval\":1000", "\"interval\":" + this.random.nextLong(-5, 100_000_000_000L) },
				{ "\"time\":[", "\"time\":[" + (now + this.random.nextLong(-200_000_000L, 200_000_000L)) + "," },
				{ "\"seq\":[", "\"seq\":[" + this.random.nextLong(-10, 10) + "," },
				{ "\"dropped\":", "\"dropped\":-" } };
		String[] swap = swaps[this.random.nextInt(swaps.length)];
		return json.replaceFirst(java.util.regex.Pattern.quote(swap[0]),
				java.util.regex.Matcher.quoteReplacement(swap[1])).getBytes(StandardCharsets.UTF_8);
	}

	private byte[] deleted(String json) {
		String[] fields = { "\"version\":1,", "\"node\":\"[^\"]*\",", "\"run\":\"[^\"]*\",", "\"interval\":1000,",
				"\"seq\":\\[[^\\]]*\\],", "\"time\":\\[[^\\]]*\\],", ",\"values\":\\{[^}]*\\}" };
		return json.replaceFirst(fields[this.random.nextInt(fields.length)], "").getBytes(StandardCharsets.UTF_8);
	}

	private byte[] spliced(String json) {
		int at = this.random.nextInt(json.length());
		String[] inserts = { "{", "}", "[", "]", ",", ":", "\"", "\\", "null", "/*x*/", "\u0000", "\uFFFF", "{{{{", "]]]]" };
		return (json.substring(0, at) + inserts[this.random.nextInt(inserts.length)] + json.substring(at))
			.getBytes(StandardCharsets.UTF_8);
	}

	private byte[] garbage() {
		byte[] bytes = new byte[this.random.nextInt(200)];
		this.random.nextBytes(bytes);
		return bytes;
	}

	/** Above the 64KB test limit, valid-looking or not. */
	private byte[] huge() {
		StringBuilder json = new StringBuilder("{\"version\":1,\"node\":\"big\",\"values\":{\"cpu.usage\":[");
		while (json.length() < 70_000 + this.random.nextInt(50_000)) {
			json.append("1,");
		}
		return json.append("1]}}").toString().getBytes(StandardCharsets.UTF_8);
	}

	private static int valueEnd(String json, int start) {
		int depth = 0;
		boolean string = false;
		for (int i = start; i < json.length(); i++) {
			char c = json.charAt(i);
			if (string) {
				if (c == '\\') {
					i++;
				}
				else if (c == '"') {
					string = false;
					if (depth == 0) {
						return i + 1;
					}
				}
			}
			else if (c == '"') {
				string = true;
			}
			else if (c == '{' || c == '[') {
				depth++;
			}
			else if (c == '}' || c == ']') {
				if (depth == 0) {
					return i;
				}
				if (--depth == 0) {
					return i + 1;
				}
			}
			else if (c == ',' && depth == 0) {
				return i;
			}
		}
		return json.length();
	}

	private static String printable(byte[] bytes) {
		String text = new String(bytes, StandardCharsets.UTF_8);
		return (text.length() > 300) ? text.substring(0, 300) + "…" : text;
	}

	private record Case(String kind, byte[] bytes, boolean authorized, String contentType) {
	}

}
