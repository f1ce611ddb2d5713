package dev.statwall.security;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.bcrypt.BCrypt;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented command, on the packaged jar: {@code printf '%s\n' "$PASSWORD" | java -jar statwall.jar hash-password}. */
class HashPasswordIT {

	@Test
	void whenThePasswordComesOnStandardInputThenTheJarPrintsItsHashAndNothingElse() throws Exception {
		Path jar = Path.of(System.getProperty("statwall.jar", "target/statwall-0.1.0-SNAPSHOT.jar"));
		Assumptions.assumeTrue(Files.isRegularFile(jar), "the packaged jar " + jar + " is built by ./mvnw verify");
		Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", jar.toString(), "hash-password"))
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		try (OutputStream in = process.getOutputStream()) {
			in.write("s3cret horse\n".getBytes(StandardCharsets.UTF_8));
		}
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("done without starting a server").isTrue();
		assertThat(process.exitValue()).isZero();
		assertThat(out.lines()).as("one line: the hash").singleElement().satisfies((hash) -> {
			assertThat(hash).matches(SecurityProperties.BCRYPT);
			assertThat(BCrypt.checkpw("s3cret horse", hash)).isTrue();
		});
	}

}
