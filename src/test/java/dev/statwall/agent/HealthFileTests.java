package dev.statwall.agent;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class HealthFileTests {

	@TempDir
	Path dir;

	@Test
	void whenTheAgentHasItsSpoolThenItsHealthFileSaysUpWithTheSpool() throws Exception {
		Path file = this.dir.resolve("agent.health");
		new HealthFile(file, 1800, LogFactory.getLog(HealthFileTests.class)).write();
		assertThat(Files.readString(file)).contains("\"status\":\"UP\"").contains("\"capacity\":1800");
		assertThat(this.dir.resolve("agent.health.tmp")).doesNotExist();
	}

	@Test
	void whenTheFileCannotBeWrittenThenTheAgentGoesOn() {
		Path file = this.dir.resolve("missing-dir/agent.health");
		new HealthFile(file, 10, LogFactory.getLog(HealthFileTests.class)).write();
		assertThat(file).doesNotExist();
	}

}
