package dev.statwall.alert;

import java.time.Instant;

/**
 * An alert silenced by an admin: nothing is sent for it until {@code until}.
 *
 * @param id the alert's id
 * @param until when the silence ends, epoch milliseconds
 * @param by who silenced it
 * @param comment why, as they wrote it
 * @param at when they did
 */
public record Silence(String id, long until, String by, String comment, long at) {

	public String untilText() {
		return Instant.ofEpochMilli(this.until).toString();
	}

}
