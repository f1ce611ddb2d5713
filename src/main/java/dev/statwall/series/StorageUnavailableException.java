package dev.statwall.series;

/** What was appended cannot be made durable now: the data directory fails. It is kept in memory meanwhile. */
public final class StorageUnavailableException extends RuntimeException {

	StorageUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
