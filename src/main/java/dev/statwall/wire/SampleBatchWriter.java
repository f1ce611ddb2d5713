package dev.statwall.wire;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.statwall.sampling.Table;

/**
 * Writes a {@link SampleBatch} as the wire format's JSON. Written by hand rather than with Jackson
 * so an agent does not load a JSON library just to print numbers and names: every class it loads
 * costs memory on a Raspberry Pi.
 */
public final class SampleBatchWriter {

	private SampleBatchWriter() {
	}

	public static byte[] write(SampleBatch batch) {
		StringBuilder json = new StringBuilder(256 + batch.size() * batch.metrics().length * 8);
		json.append("{\"version\":").append(batch.version());
		json.append(",\"node\":");
		string(json, batch.node());
		json.append(",\"run\":");
		string(json, batch.run());
		json.append(",\"interval\":").append(batch.interval());
		json.append(",\"dropped\":").append(batch.dropped());
		json.append(",\"seq\":");
		longs(json, batch.seq());
		json.append(",\"time\":");
		longs(json, batch.time());
		json.append(",\"values\":{");
		for (int m = 0; m < batch.metrics().length; m++) {
			if (m > 0) {
				json.append(',');
			}
			string(json, batch.metrics()[m]);
			json.append(":[");
			double[] column = batch.values()[m];
			for (int i = 0; i < column.length; i++) {
				if (i > 0) {
					json.append(',');
				}
				number(json, column[i]);
			}
			json.append(']');
		}
		json.append('}');
		if (!batch.texts().isEmpty()) {
			json.append(",\"texts\":{");
			boolean first = true;
			for (Map.Entry<String, String> text : batch.texts().entrySet()) {
				if (!first) {
					json.append(',');
				}
				first = false;
				string(json, text.getKey());
				json.append(':');
				string(json, text.getValue());
			}
			json.append('}');
		}
		if (!batch.tables().isEmpty()) {
			json.append(",\"tables\":{");
			boolean first = true;
			for (Map.Entry<String, Table> table : batch.tables().entrySet()) {
				if (!first) {
					json.append(',');
				}
				first = false;
				string(json, table.getKey());
				table(json, table.getValue());
			}
			json.append('}');
		}
		json.append('}');
		return json.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void table(StringBuilder json, Table table) {
		json.append(":{\"columns\":[");
		for (int i = 0; i < table.columns().size(); i++) {
			if (i > 0) {
				json.append(',');
			}
			string(json, table.columns().get(i));
		}
		json.append("],\"rows\":{");
		boolean first = true;
		for (Map.Entry<String, List<Object>> row : table.rows().entrySet()) {
			if (!first) {
				json.append(',');
			}
			first = false;
			string(json, row.getKey());
			json.append(":[");
			for (int i = 0; i < row.getValue().size(); i++) {
				if (i > 0) {
					json.append(',');
				}
				cell(json, row.getValue().get(i));
			}
			json.append(']');
		}
		json.append("}}");
	}

	private static void cell(StringBuilder json, @Nullable Object cell) {
		if (cell == null) {
			json.append("null");
		}
		else if (cell instanceof Boolean bool) {
			json.append(bool.booleanValue());
		}
		else if (cell instanceof Number number) {
			number(json, number.doubleValue());
		}
		else {
			string(json, cell.toString());
		}
	}

	private static void longs(StringBuilder json, long[] values) {
		json.append('[');
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				json.append(',');
			}
			json.append(values[i]);
		}
		json.append(']');
	}

	/**
	 * n/a is {@code null}; whole numbers lose their {@code .0} and never turn into exponents, which
	 * counters are: a byte counter of 1.2e17 goes out as its digits. Other numbers are written as
	 * the shortest decimal that reads back as the same double; the probe rounded them to their
	 * unit's decimals, so that is those decimals.
	 */
	static void number(StringBuilder json, double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			json.append("null");
		}
		else if (value == Math.rint(value) && Math.abs(value) < 9.2e18) {
			json.append((long) value);
		}
		else {
			json.append(value);
		}
	}

	static void string(StringBuilder json, String text) {
		json.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}

}
