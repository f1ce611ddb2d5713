package dev.statwall.web;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.statwall.testing.StatwallProcess;

import static org.assertj.core.api.Assertions.assertThat;

/** One property turns the logs into JSON that log shippers read as they are. */
class StructuredLoggingIT {

	@Test
	void whenStructuredLoggingIsOnThenEveryLogLineIsJson() throws Exception {
		try (StatwallProcess server = StatwallProcess.startHealthy(Path.of(System.getProperty("java.home")),
				StatwallProcess.freePort(), "structured-logs", "--logging.structured.format.console=ecs")) {
			List<String> lines = server.tail().lines().filter((line) -> line.startsWith("{")).toList();
			assertThat(lines).as("JSON log lines").isNotEmpty();
			JsonMapper json = JsonMapper.builder().build();
			JsonNode started = lines.stream()
				.map(json::readTree)
				.filter((line) -> line.path("message").asString("").startsWith("Started StatwallApplication"))
				.findFirst()
				.orElseThrow();
			assertThat(started.path("log").path("level").asString()).isEqualTo("INFO");
			assertThat(started.has("@timestamp")).isTrue();
			assertThat(server.tail().lines().filter((line) -> !line.isBlank()))
				.as("nothing but JSON once logging has started")
				.allMatch((line) -> line.startsWith("{") || line.startsWith("Picked up JAVA_TOOL_OPTIONS"));
		}
	}

}
