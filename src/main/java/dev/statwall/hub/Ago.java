package dev.statwall.hub;

import java.time.Duration;

/** Durations as people say them: {@code 4 s}, {@code 2 min}, {@code 3 h}, {@code 5 days}. */
public final class Ago {

	private Ago() {
	}

	public static String text(Duration duration) {
		long seconds = Math.max(0, duration.toSeconds());
		if (seconds < 60) {
			return seconds + " s";
		}
		if (seconds < 3_600) {
			return (seconds / 60) + " min";
		}
		if (seconds < 2 * 86_400) {
			return (seconds / 3_600) + " h";
		}
		long days = seconds / 86_400;
		return days + ((days == 1) ? " day" : " days");
	}

}
