package dev.statwall.series;

/** The data directory cannot be used at all: statwall does not start. */
public final class StoreOpenException extends RuntimeException {

	StoreOpenException(String message, Throwable cause) {
		super(message, cause);
	}

}
