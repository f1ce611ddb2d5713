package dev.statwall.web;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Why the API refused a request.
 *
 * @param status the HTTP status
 * @param error its reason phrase
 * @param reason what was wrong, for the sender to fix
 */
public record ApiError(int status, String error, String reason) {

	/** The answer every API advice gives: this body, and for a 401 the scheme the API expects. */
	public static ResponseEntity<ApiError> answer(HttpStatus status, @Nullable String reason) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
		if (status == HttpStatus.UNAUTHORIZED) {
			response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"statwall\"");
		}
		return response.body(new ApiError(status.value(), status.getReasonPhrase(),
				(reason != null) ? reason : status.getReasonPhrase()));
	}

}
