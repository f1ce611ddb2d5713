package dev.statwall.series;

/** A sample older than the node's newest one: history only grows forward. */
public final class OutOfOrderException extends RuntimeException {

	OutOfOrderException(String message) {
		super(message);
	}

}
