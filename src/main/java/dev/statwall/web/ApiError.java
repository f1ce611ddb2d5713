package dev.statwall.web;

/**
 * Why the API refused a request.
 *
 * @param status the HTTP status
 * @param error its reason phrase
 * @param reason what was wrong, for the sender to fix
 */
public record ApiError(int status, String error, String reason) {
}
