package dev.statwall.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests with a body, before anything reads it: the body must arrive within
 * {@code statwall.http.body-timeout}, and a request refused before its body was read (401, 413,
 * 415, any 4xx or 5xx) closes its connection, so the server does not read, byte by byte, what a
 * slow client still sends. Tomcat reads at most one more buffer of it ({@code max-swallow-size 0})
 * and each read waits at most the body timeout (the connector's upload timeout).
 */
final class RequestBodyFilter extends OncePerRequestFilter {

	private final long timeoutNanos;

	private final Duration timeout;

	RequestBodyFilter(Duration timeout) {
		this.timeout = timeout;
		this.timeoutNanos = timeout.toNanos();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() <= 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null) {
			chain.doFilter(request, response);
			return;
		}
		DeadlineRequest body = new DeadlineRequest(request, this.timeoutNanos);
		ClosingResponse answer = new ClosingResponse(response, body);
		try {
			chain.doFilter(body, answer);
		}
		catch (BodyTimeoutException ex) {
			// thrown past every handler: answered here
		}
		if (body.expired && !response.isCommitted()) {
			response.reset();
			response.setStatus(HttpServletResponse.SC_REQUEST_TIMEOUT);
			response.setHeader(HttpHeaders.CONNECTION, "close");
			response.setContentType("text/plain;charset=UTF-8");
			response.getOutputStream()
				.write(("the request body did not arrive within statwall.http.body-timeout (" + this.timeout.toMillis()
						+ " ms)\n").getBytes(StandardCharsets.UTF_8));
		}
	}

	/** Thrown by a read after the deadline; handlers see an I/O failure of the body. */
	static final class BodyTimeoutException extends IOException {

		private static final long serialVersionUID = 1L;

		BodyTimeoutException(String message) {
			super(message);
		}

	}

	/** The request whose body stream counts against the deadline from its first read. */
	private static final class DeadlineRequest extends HttpServletRequestWrapper {

		private final long timeoutNanos;

		private @Nullable DeadlineStream stream;

		volatile boolean expired;

		volatile boolean finished;

		DeadlineRequest(HttpServletRequest request, long timeoutNanos) {
			super(request);
			this.timeoutNanos = timeoutNanos;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			DeadlineStream stream = this.stream;
			if (stream == null) {
				stream = new DeadlineStream(super.getInputStream(), this);
				this.stream = stream;
			}
			return stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			Charset charset = (encoding != null && Charset.isSupported(encoding)) ? Charset.forName(encoding)
					: StandardCharsets.ISO_8859_1;
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

	}

	private static final class DeadlineStream extends ServletInputStream {

		private final ServletInputStream in;

		private final DeadlineRequest request;

		private long deadline;

		private boolean started;

		DeadlineStream(ServletInputStream in, DeadlineRequest request) {
			this.in = in;
			this.request = request;
		}

		@Override
		public int read() throws IOException {
			check();
			int read = this.in.read();
			return done(read);
		}

		@Override
		public int read(byte[] bytes, int offset, int length) throws IOException {
			check();
			int read = this.in.read(bytes, offset, length);
			return done(read);
		}

		private void check() throws BodyTimeoutException {
			long now = System.nanoTime();
			if (!this.started) {
				this.started = true;
				this.deadline = now + this.request.timeoutNanos;
			}
			else if (now - this.deadline > 0) {
				this.request.expired = true;
				throw new BodyTimeoutException("the request body did not arrive in time");
			}
		}

		private int done(int read) throws BodyTimeoutException {
			if (read < 0) {
				this.request.finished = true;
			}
			else if (System.nanoTime() - this.deadline > 0) {
				this.request.expired = true;
				throw new BodyTimeoutException("the request body did not arrive in time");
			}
			return read;
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

	}

	/** Adds {@code Connection: close} to an error answered before the body was read to its end. */
	private static final class ClosingResponse extends HttpServletResponseWrapper {

		private final DeadlineRequest request;

		ClosingResponse(HttpServletResponse response, DeadlineRequest request) {
			super(response);
			this.request = request;
		}

		@Override
		public void setStatus(int status) {
			close(status);
			super.setStatus(status);
		}

		@Override
		public void sendError(int status) throws IOException {
			close(status);
			super.sendError(status);
		}

		@Override
		public void sendError(int status, String message) throws IOException {
			close(status);
			super.sendError(status, message);
		}

		private void close(int status) {
			if (status >= 400 && !this.request.finished && !isCommitted()) {
				setHeader(HttpHeaders.CONNECTION, "close");
			}
		}

	}

}
