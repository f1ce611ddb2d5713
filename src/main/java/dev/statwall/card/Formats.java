package dev.statwall.card;

import java.util.Locale;

import dev.statwall.sampling.Unit;

/**
 * Unit helpers for value templates: every card formats through these, so a number reads the same
 * everywhere. {@code NaN} is never formatted; templates show {@code n/a} instead.
 */
public final class Formats {

	private static final String[] BYTE_UNITS = { "B", "KiB", "MiB", "GiB", "TiB", "PiB" };

	private static final String[] BIT_UNITS = { "bit/s", "kbit/s", "Mbit/s", "Gbit/s", "Tbit/s" };

	private Formats() {
	}

	/** One decimal, as psutil prints percentages: {@code 4.2}. */
	public static String number(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	public static String percent(double value) {
		return number(value) + "%";
	}

	/** Binary units: {@code 1.5 GiB}. */
	public static String bytes(double value) {
		double scaled = Math.abs(value);
		int unit = 0;
		while (scaled >= 1024 && unit < BYTE_UNITS.length - 1) {
			scaled /= 1024;
			unit++;
		}
		String digits = (unit == 0) ? String.format(Locale.ROOT, "%.0f", scaled) : decimals(scaled);
		return ((value < 0) ? "-" : "") + digits + " " + BYTE_UNITS[unit];
	}

	/** Bytes per second: {@code 12.3 MiB/s}. */
	public static String rate(double bytesPerSecond) {
		return bytes(bytesPerSecond) + "/s";
	}

	/** Bytes per second shown as bits, decimal units as network people expect: {@code 98.4 Mbit/s}. */
	public static String bits(double bytesPerSecond) {
		double scaled = Math.abs(bytesPerSecond * 8);
		int unit = 0;
		while (scaled >= 1000 && unit < BIT_UNITS.length - 1) {
			scaled /= 1000;
			unit++;
		}
		return ((unit == 0) ? String.format(Locale.ROOT, "%.0f", scaled) : decimals(scaled)) + " " + BIT_UNITS[unit];
	}

	/** Whole numbers with thousands separated: {@code 1,234}. */
	public static String count(double value) {
		return String.format(Locale.ROOT, "%,.0f", value);
	}

	/** Seconds as the two largest units: {@code 3d 4h}, {@code 5m 12s}. */
	public static String duration(double seconds) {
		long total = (long) seconds;
		long days = total / 86_400;
		long hours = (total % 86_400) / 3_600;
		long minutes = (total % 3_600) / 60;
		long secs = total % 60;
		if (days > 0) {
			return days + "d " + hours + "h";
		}
		if (hours > 0) {
			return hours + "h " + minutes + "m";
		}
		if (minutes > 0) {
			return minutes + "m " + secs + "s";
		}
		return secs + "s";
	}

	/** Degrees Celsius: {@code 48.5 °C}. */
	public static String temperature(double celsius) {
		return number(celsius) + " °C";
	}

	/** A value as its unit reads: the one format of a series' number in hover tips and tiles; {@code n/a} for none. */
	public static String of(Unit unit, double value) {
		if (Double.isNaN(value)) {
			return "n/a";
		}
		return switch (unit) {
			case PERCENT -> percent(value);
			case RATIO -> percent(value * 100);
			case BYTES -> bytes(value);
			case BYTES_PER_SECOND -> rate(value);
			case PER_SECOND -> number(value) + "/s";
			case CELSIUS -> temperature(value);
			case RPM -> String.format(Locale.ROOT, "%.0f rpm", value);
			case SECONDS -> duration(value);
			case COUNT -> (value == Math.rint(value)) ? count(value) : String.format(Locale.ROOT, "%.2f", value);
		};
	}

	private static String decimals(double scaled) {
		return String.format(Locale.ROOT, (scaled >= 100) ? "%.0f" : (scaled >= 10) ? "%.1f" : "%.2f", scaled);
	}

}
