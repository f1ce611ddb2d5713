package dev.statwall.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

import dev.statwall.sampling.Metric;
import dev.statwall.sampling.Table;

/**
 * Reads the wire format strictly: every way a body can be wrong ends in a
 * {@link BadBatchException} that says where and why, never in anything else. Values are parsed
 * straight into arrays; metric names are object keys, which the parser keeps canonical, so a batch
 * of numbers costs no object per number or name.
 */
public final class SampleBatchReader {

	/** Most samples one batch may carry: 2.7 hours at one a second. */
	public static final int MAX_SAMPLES = 10_000;

	public static final int MAX_METRICS = 4_096;

	static final int MAX_NAME = 200;

	static final int MAX_TEXT = 4_096;

	static final int MAX_TEXTS = 256;

	static final int MAX_TABLES = 64;

	static final int MAX_ROWS = 4_096;

	static final int MAX_CELLS = 64;

	/** A temperature may be below zero; nothing else the probe reads can be, counters least of all. */
	static boolean mayBeNegative(String metric) {
		return Metric.mayBeNegative(metric);
	}

	private final JsonFactory json = JsonFactory.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	public SampleBatch read(byte[] body) {
		return read(body, body.length);
	}

	/** Reads the first {@code length} bytes of {@code body}. */
	public SampleBatch read(byte[] body, int length) {
		try (JsonParser parser = this.json.createParser(body, 0, length)) {
			SampleBatch batch = new Reading(parser).batch();
			if (parser.nextToken() != null) {
				throw bad(parser, "unexpected content after the batch's closing '}'");
			}
			return batch;
		}
		catch (JacksonException ex) {
			TokenStreamLocation at = ex.getLocation();
			String where = (at != null && at.getLineNr() > 0)
					? " at line " + at.getLineNr() + ", column " + at.getColumnNr() : "";
			throw new BadBatchException("malformed JSON" + where + ": " + ex.getOriginalMessage());
		}
	}

	static BadBatchException bad(JsonParser parser, String reason) {
		TokenStreamLocation at = parser.currentTokenLocation();
		return new BadBatchException(reason + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
	}

	/** The state of reading one body. */
	private static final class Reading {

		private final JsonParser parser;

		private long version = -1;

		private @Nullable String node;

		private @Nullable String run;

		private long interval = -1;

		private long dropped;

		private long @Nullable [] seq;

		private long @Nullable [] time;

		private final List<String> metrics = new ArrayList<>(8);

		private final List<double[]> values = new ArrayList<>(8);

		private Map<String, String> texts = Map.of();

		private Map<String, Table> tables = Map.of();

		private boolean valuesSeen;

		private @Nullable String unknown;

		Reading(JsonParser parser) {
			this.parser = parser;
		}

		SampleBatch batch() {
			if (this.parser.nextToken() != JsonToken.START_OBJECT) {
				throw bad(this.parser, "a batch is a JSON object, such as {\"version\":1,\"node\":...}");
			}
			String field;
			while ((field = this.parser.nextName()) != null) {
				JsonToken token = this.parser.nextToken();
				switch (field) {
					case "version" -> this.version = whole("version", token, 1);
					case "node" -> this.node = text("node", token, 63);
					case "run" -> this.run = text("run", token, 64);
					case "interval" -> this.interval = whole("interval", token, 1);
					case "dropped" -> this.dropped = whole("dropped", token, 0);
					case "seq" -> this.seq = longs("seq", token, 1);
					case "time" -> this.time = longs("time", token, 0);
					case "values" -> values(token);
					case "texts" -> this.texts = texts(token);
					case "tables" -> this.tables = tables(token);
					default -> {
						if (this.unknown == null) {
							this.unknown = field;
						}
						this.parser.skipChildren();
					}
				}
			}
			return check();
		}

		private SampleBatch check() {
			if (this.version == -1) {
				throw new BadBatchException("missing 'version'; this hub reads wire format version " + SampleBatch.VERSION);
			}
			if (this.version != SampleBatch.VERSION) {
				throw new BadBatchException("unsupported wire format version " + this.version
						+ "; this hub reads version " + SampleBatch.VERSION);
			}
			if (this.unknown != null) {
				throw new BadBatchException("unknown field '" + NodeNames.printable(this.unknown)
						+ "' in a version 1 batch");
			}
			String node = required("node", this.node);
			if (!NodeNames.isValid(node)) {
				throw new BadBatchException(NodeNames.problem(node));
			}
			String run = required("run", this.run);
			if (!run.matches("[A-Za-z0-9_-]{1,64}")) {
				throw new BadBatchException("'run' must be 1 to 64 letters, digits, '_' or '-'");
			}
			if (this.interval == -1) {
				throw new BadBatchException("missing 'interval'");
			}
			if (this.interval > 86_400_000) {
				throw new BadBatchException("'interval' is in milliseconds and at most a day, was " + this.interval);
			}
			long[] seq = required("seq", this.seq);
			long[] time = required("time", this.time);
			if (!this.valuesSeen) {
				throw new BadBatchException("missing 'values'");
			}
			if (seq.length == 0) {
				throw new BadBatchException("a batch holds at least one sample; 'seq' is empty");
			}
			if (time.length != seq.length) {
				throw new BadBatchException("'time' has " + time.length + " entries but 'seq' has " + seq.length);
			}
			for (int i = 1; i < seq.length; i++) {
				if (seq[i] <= seq[i - 1]) {
					throw new BadBatchException("'seq' must increase from sample to sample; seq[" + i + "] is "
							+ seq[i] + " after " + seq[i - 1]);
				}
				if (time[i] < time[i - 1]) {
					throw new BadBatchException(
							"'time' must not go back; time[" + i + "] is " + time[i] + " after " + time[i - 1]);
				}
			}
			for (int m = 0; m < this.metrics.size(); m++) {
				if (this.values.get(m).length != seq.length) {
					throw new BadBatchException("'values." + NodeNames.printable(this.metrics.get(m)) + "' has "
							+ this.values.get(m).length + " entries but 'seq' has " + seq.length);
				}
			}
			return new SampleBatch((int) this.version, node, run, this.interval, this.dropped, seq, time,
					this.metrics.toArray(new String[0]), this.values.toArray(new double[0][]), this.texts,
					this.tables);
		}

		private <T> T required(String field, @Nullable T value) {
			if (value == null) {
				throw new BadBatchException("missing '" + field + "'");
			}
			return value;
		}

		private long whole(String field, JsonToken token, long min) {
			if (token != JsonToken.VALUE_NUMBER_INT) {
				throw bad(this.parser, "'" + field + "' must be a whole number, was " + describe(token));
			}
			long value = this.parser.getLongValue();
			if (value < min) {
				throw bad(this.parser, "'" + field + "' must be at least " + min + ", was " + value);
			}
			return value;
		}

		private String text(String field, JsonToken token, int max) {
			if (token != JsonToken.VALUE_STRING) {
				throw bad(this.parser, "'" + field + "' must be a string, was " + describe(token));
			}
			if (this.parser.getStringLength() > max) {
				throw bad(this.parser, "'" + field + "' is longer than " + max + " characters");
			}
			return this.parser.getString();
		}

		private long[] longs(String field, JsonToken token, long min) {
			if (token != JsonToken.START_ARRAY) {
				throw bad(this.parser, "'" + field + "' must be an array of whole numbers, was " + describe(token));
			}
			long[] values = new long[4];
			int size = 0;
			JsonToken next;
			while ((next = this.parser.nextToken()) != JsonToken.END_ARRAY) {
				if (size == MAX_SAMPLES) {
					throw bad(this.parser, "a batch holds at most " + MAX_SAMPLES + " samples");
				}
				if (next != JsonToken.VALUE_NUMBER_INT) {
					throw bad(this.parser, "'" + field + "[" + size + "]' must be a whole number, was " + describe(next));
				}
				long value = this.parser.getLongValue();
				if (value < min) {
					throw bad(this.parser, "'" + field + "[" + size + "]' must be at least " + min + ", was " + value);
				}
				if (size == values.length) {
					values = Arrays.copyOf(values, size * 2);
				}
				values[size++] = value;
			}
			return Arrays.copyOf(values, size);
		}

		private void values(JsonToken token) {
			if (token != JsonToken.START_OBJECT) {
				throw bad(this.parser, "'values' must be an object of metric name to array of numbers, was "
						+ describe(token));
			}
			this.valuesSeen = true;
			String metric;
			while ((metric = this.parser.nextName()) != null) {
				if (this.metrics.size() == MAX_METRICS) {
					throw bad(this.parser, "a batch holds at most " + MAX_METRICS + " metrics");
				}
				if (metric.isEmpty() || metric.length() > MAX_NAME) {
					throw bad(this.parser, "a metric name has 1 to " + MAX_NAME + " characters");
				}
				this.metrics.add(metric);
				this.values.add(column(metric, this.parser.nextToken()));
			}
		}

		private double[] column(String metric, JsonToken token) {
			String name = NodeNames.printable(metric);
			if (token != JsonToken.START_ARRAY) {
				throw bad(this.parser, "'values." + name + "' must be an array of numbers, was " + describe(token));
			}
			boolean negativeAllowed = mayBeNegative(metric);
			double[] column = new double[(this.seq != null) ? Math.max(1, this.seq.length) : 1];
			int size = 0;
			JsonToken next;
			while ((next = this.parser.nextToken()) != JsonToken.END_ARRAY) {
				if (size == MAX_SAMPLES) {
					throw bad(this.parser, "a batch holds at most " + MAX_SAMPLES + " samples");
				}
				double value;
				if (next == JsonToken.VALUE_NULL) {
					value = Double.NaN;
				}
				else if (next == JsonToken.VALUE_NUMBER_INT || next == JsonToken.VALUE_NUMBER_FLOAT) {
					value = this.parser.getDoubleValue();
					if (Double.isInfinite(value)) {
						throw bad(this.parser, "'values." + name + "[" + size + "]' is out of range");
					}
					if (value < 0 && !negativeAllowed) {
						throw bad(this.parser, "'values." + name + "[" + size + "]' is " + value
								+ "; " + name + " cannot be negative");
					}
				}
				else {
					throw bad(this.parser,
							"'values." + name + "[" + size + "]' must be a number or null, was " + describe(next));
				}
				if (size == column.length) {
					column = Arrays.copyOf(column, size * 2);
				}
				column[size++] = value;
			}
			return (size == column.length) ? column : Arrays.copyOf(column, size);
		}

		private Map<String, String> texts(JsonToken token) {
			if (token != JsonToken.START_OBJECT) {
				throw bad(this.parser, "'texts' must be an object of name to string, was " + describe(token));
			}
			Map<String, String> texts = new LinkedHashMap<>();
			String name;
			while ((name = this.parser.nextName()) != null) {
				if (texts.size() == MAX_TEXTS) {
					throw bad(this.parser, "a batch holds at most " + MAX_TEXTS + " texts");
				}
				checkName("text", name);
				texts.put(name, text("texts." + NodeNames.printable(name), this.parser.nextToken(), MAX_TEXT));
			}
			return texts;
		}

		private Map<String, Table> tables(JsonToken token) {
			if (token != JsonToken.START_OBJECT) {
				throw bad(this.parser, "'tables' must be an object of name to table, was " + describe(token));
			}
			Map<String, Table> tables = new LinkedHashMap<>();
			String name;
			while ((name = this.parser.nextName()) != null) {
				if (tables.size() == MAX_TABLES) {
					throw bad(this.parser, "a batch holds at most " + MAX_TABLES + " tables");
				}
				checkName("table", name);
				tables.put(name, table(NodeNames.printable(name), this.parser.nextToken()));
			}
			return tables;
		}

		private Table table(String name, JsonToken token) {
			if (token != JsonToken.START_OBJECT) {
				throw bad(this.parser, "table '" + name + "' must be an object with 'columns' and 'rows', was "
						+ describe(token));
			}
			List<String> columns = null;
			Map<String, List<Object>> rows = null;
			String field;
			while ((field = this.parser.nextName()) != null) {
				JsonToken value = this.parser.nextToken();
				if (field.equals("columns")) {
					columns = columns(name, value);
				}
				else if (field.equals("rows")) {
					rows = rows(name, value);
				}
				else {
					throw bad(this.parser, "unknown field '" + NodeNames.printable(field) + "' in table '" + name + "'");
				}
			}
			if (columns == null || rows == null) {
				throw bad(this.parser, "table '" + name + "' needs both 'columns' and 'rows'");
			}
			for (Map.Entry<String, List<Object>> row : rows.entrySet()) {
				if (row.getValue().size() != columns.size()) {
					throw bad(this.parser, "row '" + NodeNames.printable(row.getKey()) + "' of table '" + name + "' has "
							+ row.getValue().size() + " cells for " + columns.size() + " columns");
				}
			}
			return new Table(columns, rows);
		}

		private List<String> columns(String table, JsonToken token) {
			if (token != JsonToken.START_ARRAY) {
				throw bad(this.parser, "columns of table '" + table + "' must be an array of strings");
			}
			List<String> columns = new ArrayList<>();
			JsonToken next;
			while ((next = this.parser.nextToken()) != JsonToken.END_ARRAY) {
				if (columns.size() == MAX_CELLS) {
					throw bad(this.parser, "a table has at most " + MAX_CELLS + " columns");
				}
				columns.add(text("column of table '" + table + "'", next, MAX_NAME));
			}
			return List.copyOf(columns);
		}

		private Map<String, List<Object>> rows(String table, JsonToken token) {
			if (token != JsonToken.START_OBJECT) {
				throw bad(this.parser, "rows of table '" + table + "' must be an object of key to array of cells");
			}
			Map<String, List<Object>> rows = new LinkedHashMap<>();
			String key;
			while ((key = this.parser.nextName()) != null) {
				if (rows.size() == MAX_ROWS) {
					throw bad(this.parser, "a table has at most " + MAX_ROWS + " rows");
				}
				if (key.length() > MAX_TEXT) {
					throw bad(this.parser, "a row key has at most " + MAX_TEXT + " characters");
				}
				if (this.parser.nextToken() != JsonToken.START_ARRAY) {
					throw bad(this.parser, "row '" + NodeNames.printable(key) + "' of table '" + table
							+ "' must be an array of cells");
				}
				List<Object> cells = new ArrayList<>();
				JsonToken next;
				while ((next = this.parser.nextToken()) != JsonToken.END_ARRAY) {
					if (cells.size() == MAX_CELLS) {
						throw bad(this.parser, "a table row has at most " + MAX_CELLS + " cells");
					}
					cells.add(cell(table, next));
				}
				// cells may be null, which List.copyOf refuses
				rows.put(key, java.util.Collections.unmodifiableList(cells));
			}
			return rows;
		}

		private @Nullable Object cell(String table, JsonToken token) {
			return switch (token) {
				case VALUE_NULL -> null;
				case VALUE_TRUE -> true;
				case VALUE_FALSE -> false;
				case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
					double value = this.parser.getDoubleValue();
					if (Double.isInfinite(value)) {
						throw bad(this.parser, "a cell of table '" + table + "' is out of range");
					}
					yield value;
				}
				case VALUE_STRING -> text("a cell of table '" + table + "'", token, MAX_TEXT);
				default -> throw bad(this.parser,
						"a cell of table '" + table + "' must be a string, number, boolean or null, was "
								+ describe(token));
			};
		}

		private void checkName(String kind, String name) {
			if (name.isEmpty() || name.length() > MAX_NAME) {
				throw bad(this.parser, "a " + kind + " name has 1 to " + MAX_NAME + " characters");
			}
		}

		private static String describe(@Nullable JsonToken token) {
			if (token == null) {
				return "the end of the body";
			}
			return switch (token) {
				case START_OBJECT -> "an object";
				case START_ARRAY -> "an array";
				case VALUE_STRING -> "a string";
				case VALUE_NUMBER_INT -> "a whole number";
				case VALUE_NUMBER_FLOAT -> "a decimal number";
				case VALUE_TRUE, VALUE_FALSE -> "a boolean";
				case VALUE_NULL -> "null";
				default -> token.name();
			};
		}

	}

}
