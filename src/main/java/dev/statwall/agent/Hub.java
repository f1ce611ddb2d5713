package dev.statwall.agent;

import java.io.IOException;

/**
 * Where a {@link Delivery} sends its batches: the hub's ingest API over one of two transports,
 * {@link HubConnection} for agents and https, {@link HubSocket} for the simulator's senders.
 */
public interface Hub {

	/** Sends one body; an answer of any status is returned, only a failed exchange throws. */
	Answer post(byte[] body) throws IOException;

	/** The ingest address, for log lines. */
	String address();

	/**
	 * What the hub answered.
	 *
	 * @param status the HTTP status
	 * @param body the body, a JSON reason for a refusal
	 */
	record Answer(int status, String body) {

		public boolean accepted() {
			return this.status >= 200 && this.status < 300;
		}

		/** The hub's reason, short enough for one log line. */
		public String reason() {
			String trimmed = this.body.strip();
			return (trimmed.length() > 300) ? trimmed.substring(0, 300) + "…" : trimmed;
		}

	}

}
