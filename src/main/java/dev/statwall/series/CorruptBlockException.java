package dev.statwall.series;

/** Stored bytes that cannot be decoded: a damaged file, not a programming error. */
public final class CorruptBlockException extends RuntimeException {

	CorruptBlockException(String message) {
		super(message);
	}

}
