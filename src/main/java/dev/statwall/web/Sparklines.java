package dev.statwall.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.statwall.buffer.Row;
import dev.statwall.card.CardRows;

/**
 * Draws a card's rows as inline SVG, so a page shows its charts with scripts off; scripts then
 * take over with uPlot. Coordinates live in a 100 × 100 box that the card stretches; the stroke
 * does not scale with it, so a large box still gets a thin line.
 */
public final class Sparklines {

	static final double SIZE = 100;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
		.withZone(ZoneId.systemDefault());

	/** The plot of a card's first column, y pinned at zero as Wave's {@code plot_zero_value=0}. */
	public Sparkline of(CardRows card) {
		List<Row> rows = card.rows();
		double max = 0;
		for (Row row : rows) {
			double value = row.value(0);
			if (!Double.isNaN(value)) {
				max = Math.max(max, value);
			}
		}
		double top = (max > 0) ? max : 1;
		StringBuilder line = new StringBuilder();
		StringBuilder area = new StringBuilder();
		List<Point> points = new ArrayList<>(rows.size());
		double step = (rows.size() > 1) ? SIZE / (rows.size() - 1) : 0;
		double runStart = -1;
		double lastX = 0;
		for (int i = 0; i < rows.size(); i++) {
			Row row = rows.get(i);
			double value = row.value(0);
			double x = (rows.size() > 1) ? i * step : SIZE / 2;
			if (Double.isNaN(value)) {
				closeArea(area, runStart, lastX);
				runStart = -1;
				continue;
			}
			double y = SIZE - (value / top) * SIZE * 0.9; // headroom so the peak is not clipped
			line.append((runStart < 0) ? "M" : "L").append(fmt(x)).append(',').append(fmt(y));
			area.append((runStart < 0) ? "M" + fmt(x) + "," + fmt(SIZE) + "L" : "L").append(fmt(x)).append(',')
				.append(fmt(y));
			if (runStart < 0) {
				runStart = x;
			}
			lastX = x;
			double half = (rows.size() > 1) ? step / 2 : SIZE / 2;
			double hitX = Math.max(0, x - half);
			double hitWidth = Math.min(SIZE, x + half) - hitX;
			points.add(new Point(fmt(x), fmt(y), fmt(hitX), fmt(hitWidth),
					card.texts().get(i) + " at " + TIME.format(Instant.ofEpochMilli(row.time()))));
		}
		closeArea(area, runStart, lastX);
		return new Sparkline(line.toString(), area.toString(), points);
	}

	private static void closeArea(StringBuilder area, double runStart, double lastX) {
		if (runStart >= 0) {
			area.append('L').append(fmt(lastX)).append(',').append(fmt(SIZE)).append('Z');
		}
	}

	private static String fmt(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

	/**
	 * SVG paths of a plot.
	 *
	 * @param line the stroke
	 * @param area the light fill under it
	 * @param points each row's position and tip text
	 */
	public record Sparkline(String line, String area, List<Point> points) {
	}

	/**
	 * A plotted row.
	 *
	 * @param x horizontal position
	 * @param y vertical position
	 * @param hitX left edge of the column that shows its tip on hover
	 * @param hitWidth width of that column
	 * @param tip its value and time, shown on hover
	 */
	public record Point(String x, String y, String hitX, String hitWidth, String tip) {
	}

}
