package dev.statwall.hub.web;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.statwall.hub.NodeInUseException;
import dev.statwall.hub.NodeRegistry;
import dev.statwall.series.StorageUnavailableException;
import dev.statwall.web.ApiError;
import dev.statwall.web.ApiException;
import dev.statwall.wire.BadBatchException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Every refusal of the hub's API is a 4xx with a JSON reason: a sender can fix its request, and a
 * bad request never shows up as a server error.
 */
@RestControllerAdvice(assignableTypes = { IngestController.class, NodeApiController.class })
class ApiAdvice {

	private static final Log logger = LogFactory.getLog(ApiAdvice.class);

	@ExceptionHandler
	ResponseEntity<ApiError> refused(ApiException ex) {
		return ApiError.answer(ex.status(), ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ApiError> badBatch(BadBatchException ex, HttpServletRequest request) {
		if (logger.isDebugEnabled()) {
			logger.debug("Refused a batch from " + request.getRemoteAddr() + ": " + ex.getMessage());
		}
		return ApiError.answer(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	/** A sample older than the node's newest: the batch says what, nothing of it changed anything. */
	@ExceptionHandler
	ResponseEntity<ApiError> outOfOrder(dev.statwall.series.OutOfOrderException ex) {
		return ApiError.answer(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ApiError> unknownNode(NodeRegistry.UnknownNodeException ex) {
		return ApiError.answer(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ApiError> nodeLimit(NodeRegistry.NodeLimitException ex) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, "60")
			.body(new ApiError(429, HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase(), String.valueOf(ex.getMessage())));
	}

	@ExceptionHandler
	ResponseEntity<ApiError> notOffline(NodeRegistry.NodeNotOfflineException ex) {
		return ApiError.answer(HttpStatus.CONFLICT, ex.getMessage());
	}

	/** Nothing is acknowledged that is not durable: the agent keeps the samples and sends them again. */
	@ExceptionHandler
	ResponseEntity<ApiError> notDurable(StorageUnavailableException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.body(new ApiError(503, HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase(),
					"the hub cannot store samples now (" + ex.getMessage() + "); send them again later"));
	}


	/** A node name belongs to one agent at a time; the hub said so in its log, once. */
	@ExceptionHandler
	ResponseEntity<ApiError> inUse(NodeInUseException ex) {
		return ApiError.answer(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException ex) {
		return ApiError.answer(HttpStatus.BAD_REQUEST, "the body cannot be read: " + ex.getMostSpecificCause().getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException ex) {
		return ApiError.answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json");
	}

	@ExceptionHandler
	ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException ex) {
		return ApiError.answer(HttpStatus.CONTENT_TOO_LARGE, "the body is too large");
	}

	@ExceptionHandler({ MissingRequestHeaderException.class, MissingServletRequestParameterException.class })
	ResponseEntity<ApiError> missing(Exception ex) {
		return ApiError.answer(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException ex) {
		return ApiError.answer(HttpStatus.BAD_REQUEST, "'" + ex.getName() + "' must be a whole number");
	}

}
