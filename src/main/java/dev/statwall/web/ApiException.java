package dev.statwall.web;

import org.springframework.http.HttpStatus;

/** A refusal the API answers with its status and a reason, never with a stack trace. */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	public ApiException(HttpStatus status, String reason) {
		super(reason, null, false, false);
		this.status = status;
	}

	public HttpStatus status() {
		return this.status;
	}

	public static ApiException unauthorized() {
		return new ApiException(HttpStatus.UNAUTHORIZED,
				"missing or wrong token: send 'Authorization: Bearer <statwall.hub.token>'");
	}

	public static ApiException notFound(String node) {
		return new ApiException(HttpStatus.NOT_FOUND, "no node '" + node + "' here");
	}

}
