package dev.statwall.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.statwall.testing.OpenHub;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Pages, scripts, styles and JSON leave gzipped for a client that asks, and plain for one that does not. */
@OpenHub
class CompressionTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@ParameterizedTest
	@CsvSource({ "/, text/html, data-overview", "/js/overview.js, text/javascript, subscribe(",
			"/css/statwall.css, text/css, {", "/api/v1/metrics, application/json, cpu.usage" })
	void whenTheClientAcceptsGzipThenTheResponseIsGzippedAndReadsTheSame(String path, String type, String content)
			throws Exception {
		HttpResponse<byte[]> zipped = get(path, "gzip, deflate, br");
		HttpResponse<byte[]> plain = get(path, null);

		assertThat(zipped.statusCode()).isEqualTo(200);
		assertThat(zipped.headers().firstValue("Content-Type")).hasValueSatisfying((value) -> assertThat(value).startsWith(type));
		assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(zipped.headers().allValues("Vary")).anySatisfy((vary) -> assertThat(vary).containsIgnoringCase("accept-encoding"));
		String unzipped = gunzip(zipped.body());
		assertThat(unzipped).contains(content);
		assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(zipped.body().length).as("smaller on the wire").isLessThan(plain.body().length);
	}

	private HttpResponse<byte[]> get(String path, @Nullable String encoding) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (encoding != null) {
			request.header("Accept-Encoding", encoding);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String gunzip(byte[] body) throws IOException {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
