package dev.statwall.alert.web;


import dev.statwall.alert.AlertBoard;
import dev.statwall.web.ApiError;
import dev.statwall.web.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** The alerts API's refusals: a 4xx with a JSON reason, never a 5xx. */
@RestControllerAdvice(assignableTypes = AlertApiController.class)
class AlertApiAdvice {

	@ExceptionHandler
	ResponseEntity<ApiError> refused(ApiException ex) {
		return ApiError.answer(ex.status(), ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ApiError> unknown(AlertBoard.UnknownAlertException ex) {
		return ApiError.answer(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ApiError> invalid(IllegalArgumentException ex) {
		return ApiError.answer(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException ex) {
		return ApiError.answer(HttpStatus.BAD_REQUEST, "'" + ex.getName() + "' must be a whole number");
	}

	@ExceptionHandler
	ResponseEntity<ApiError> missing(MissingServletRequestParameterException ex) {
		return ApiError.answer(HttpStatus.BAD_REQUEST, "'" + ex.getParameterName() + "' is required");
	}

}
