package dev.statwall.hub.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import dev.statwall.hub.HubProperties;
import dev.statwall.hub.HubToken;
import dev.statwall.hub.NodeRegistry.Taken;
import dev.statwall.hub.NodeRegistry;
import dev.statwall.role.ConditionalOnRole;
import dev.statwall.role.Role;
import dev.statwall.web.ApiException;
import dev.statwall.wire.SampleBatch;
import dev.statwall.wire.SampleBatchReader;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/ingest}: batches of samples from agents. Checks come cheapest first, so a
 * request without the token costs nothing but the comparison, and an oversized body is never read
 * beyond the limit.
 */
@RestController
@ConditionalOnRole(Role.HUB)
class IngestController {

	private final HubToken token;

	private final NodeRegistry nodes;

	private final SampleBatchReader reader = new SampleBatchReader();

	private final int maxBody;

	IngestController(HubToken token, NodeRegistry nodes, HubProperties properties) {
		this.token = token;
		this.nodes = nodes;
		this.maxBody = (int) Math.min(Integer.MAX_VALUE - 8, properties.maxBody().toBytes());
	}

	@PostMapping(path = "/api/v1/ingest", produces = MediaType.APPLICATION_JSON_VALUE)
	Taken ingest(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			HttpServletRequest request) throws IOException {
		if (!this.token.authorizes(authorization)) {
			throw ApiException.unauthorized();
		}
		if (request.getContentLengthLong() > this.maxBody) {
			throw tooLarge();
		}
		String type = request.getContentType();
		if (type == null || !MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(type))) {
			throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "send the batch as application/json");
		}
		Body body = read(request.getInputStream(), request.getContentLengthLong());
		SampleBatch batch = this.reader.read(body.bytes(), body.length());
		return this.nodes.ingest(batch);
	}

	/** Reads at most {@code maxBody} bytes; a chunked body without a length grows as it comes. */
	private Body read(InputStream in, long declared) throws IOException {
		byte[] bytes = new byte[(int) ((declared > 0) ? Math.min(this.maxBody + 1L, declared + 1) : 8192)];
		int length = 0;
		int read;
		while ((read = in.read(bytes, length, bytes.length - length)) >= 0) {
			length += read;
			if (length > this.maxBody) {
				throw tooLarge();
			}
			if (length == bytes.length) {
				bytes = Arrays.copyOf(bytes, (int) Math.min(this.maxBody + 1L, bytes.length * 2L));
			}
		}
		return new Body(bytes, length);
	}

	private record Body(byte[] bytes, int length) {
	}

	private ApiException tooLarge() {
		return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "the body is larger than statwall.hub.max-body ("
				+ this.maxBody + " bytes); send fewer samples per batch");
	}

}
