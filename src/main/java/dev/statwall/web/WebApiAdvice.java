package dev.statwall.web;


import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** The read API's refusals: a 4xx with a JSON reason that names what was wrong, never a 5xx. */
@RestControllerAdvice(assignableTypes = { HistoryController.class, LocalNodeController.class })
class WebApiAdvice {

	@ExceptionHandler
	ResponseEntity<ApiError> refused(ApiException ex) {
		return ApiError.answer(ex.status(), ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException ex) {
		Object value = ex.getValue();
		return ApiError.answer(HttpStatus.BAD_REQUEST, "'" + ex.getName() + "' must be a whole number, was '"
				+ TimeRange.shown(String.valueOf(value)) + "'");
	}

	@ExceptionHandler
	ResponseEntity<ApiError> missing(MissingServletRequestParameterException ex) {
		return ApiError.answer(HttpStatus.BAD_REQUEST, "'" + ex.getParameterName() + "' is required");
	}

}
