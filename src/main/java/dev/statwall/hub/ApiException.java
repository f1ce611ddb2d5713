package dev.statwall.hub;

import org.springframework.http.HttpStatus;

/** A refusal the API answers with its status and a reason, never with a stack trace. */
class ApiException extends RuntimeException {

	private final HttpStatus status;

	ApiException(HttpStatus status, String reason) {
		super(reason, null, false, false);
		this.status = status;
	}

	HttpStatus status() {
		return this.status;
	}

	static ApiException unauthorized() {
		return new ApiException(HttpStatus.UNAUTHORIZED,
				"missing or wrong token: send 'Authorization: Bearer <statwall.hub.token>'");
	}

	static ApiException notFound(String node) {
		return new ApiException(HttpStatus.NOT_FOUND, "no node '" + node + "' on this hub");
	}

}
