package dev.statwall.hub;

/**
 * A second agent run claimed a node whose current run is still sending: two machines with the same
 * name, or a token holder trying to replace a live node. The API answers 409 with the reason.
 */
public final class NodeInUseException extends RuntimeException {

	NodeInUseException(String reason) {
		super(reason, null, false, false);
	}

}
