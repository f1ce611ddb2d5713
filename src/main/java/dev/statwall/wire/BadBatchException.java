package dev.statwall.wire;

/** A batch the hub will not take, with the reason its sender is told. */
public class BadBatchException extends RuntimeException {

	public BadBatchException(String reason) {
		super(reason, null, false, false);
	}

}
