package dev.statwall.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.statwall.series.Row;
import dev.statwall.card.CardDefinition;
import dev.statwall.card.CardRows;
import dev.statwall.card.PlotCurve;
import dev.statwall.card.PlotType;

/**
 * Draws a card's rows as inline SVG, so a page shows its charts with scripts off; scripts then
 * take over with uPlot. Coordinates live in a 100 × 100 box that the card stretches; the stroke
 * does not scale with it, so a large box still gets a thin line.
 */
public final class Sparklines {

	static final double SIZE = 100;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
		.withZone(ZoneId.systemDefault());

	/** Every plotted column of a card on one scale, y pinned at zero as Wave's {@code plot_zero_value=0}. */
	public Sparkline of(CardRows card) {
		CardDefinition definition = card.card();
		List<Row> rows = card.rows();
		double max = 0;
		for (Row row : rows) {
			for (int column : definition.plotted()) {
				double value = row.value(column);
				if (!Double.isNaN(value)) {
					max = Math.max(max, value);
				}
			}
		}
		double top = (max > 0) ? max : 1;
		double step = (rows.size() > 1) ? SIZE / (rows.size() - 1) : 0;
		List<Series> series = new ArrayList<>();
		for (int s = 0; s < definition.plotted().size(); s++) {
			int column = definition.plotted().get(s);
			series.add(path(rows, column, top, step, definition.plotType(), definition.plotCurve(),
					definition.columns().get(column).label(), s));
		}
		List<Point> points = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			double x = (rows.size() > 1) ? i * step : SIZE / 2;
			double half = (rows.size() > 1) ? step / 2 : SIZE / 2;
			double hitX = Math.max(0, x - half);
			double hitWidth = Math.min(SIZE, x + half) - hitX;
			points.add(new Point(fmt(hitX), fmt(hitWidth),
					card.texts().get(i) + " at " + TIME.format(Instant.ofEpochMilli(rows.get(i).time()))));
		}
		return new Sparkline(series, points);
	}

	private static Series path(List<Row> rows, int column, double top, double step, PlotType type, PlotCurve curve,
			String label, int index) {
		StringBuilder line = new StringBuilder();
		StringBuilder area = new StringBuilder();
		boolean open = false;
		double runStart = 0;
		double lastX = 0;
		double lastY = 0;
		for (int i = 0; i < rows.size(); i++) {
			double value = rows.get(i).value(column);
			double x = (rows.size() > 1) ? i * step : SIZE / 2;
			if (Double.isNaN(value)) {
				if (open) {
					area.append('L').append(fmt(lastX)).append(',').append(fmt(SIZE)).append('Z');
				}
				open = false;
				continue;
			}
			double y = SIZE - (value / top) * SIZE * 0.9; // headroom so the peak is not clipped
			if (type == PlotType.INTERVAL) {
				double width = Math.max(step * 0.7, 1);
				double left = Math.max(0, Math.min(SIZE - width, x - width / 2));
				area.append('M').append(fmt(left)).append(',').append(fmt(SIZE)).append('V').append(fmt(y)).append('H')
					.append(fmt(left + width)).append('V').append(fmt(SIZE)).append('Z');
				continue;
			}
			if (!open) {
				line.append('M').append(fmt(x)).append(',').append(fmt(y));
				area.append('M').append(fmt(x)).append(',').append(fmt(SIZE)).append('L').append(fmt(x)).append(',')
					.append(fmt(y));
				runStart = x;
				open = true;
			}
			else {
				String to = (curve == PlotCurve.STEP) ? "H" + fmt(x) + "V" + fmt(y) : "L" + fmt(x) + "," + fmt(y);
				line.append(to);
				area.append(to);
			}
			lastX = x;
			lastY = y;
		}
		if (open && runStart <= lastX && lastY >= 0) {
			area.append('L').append(fmt(lastX)).append(',').append(fmt(SIZE)).append('Z');
		}
		return new Series(label, line.toString(), area.toString(), index);
	}

	private static String fmt(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

	/**
	 * A card's plot as SVG.
	 *
	 * @param series one path pair per plotted column
	 * @param points each row's hover column and tip text
	 */
	public record Sparkline(List<Series> series, List<Point> points) {
	}

	/**
	 * One plotted column.
	 *
	 * @param label its legend label
	 * @param line the stroke
	 * @param area the light fill under it, or the bars
	 * @param index its position, which picks its colour after the first
	 */
	public record Series(String label, String line, String area, int index) {
	}

	/**
	 * A row's hover column.
	 *
	 * @param hitX left edge of the column that shows its tip on hover
	 * @param hitWidth width of that column
	 * @param tip its value and time, shown on hover
	 */
	public record Point(String hitX, String hitWidth, String tip) {
	}

}
