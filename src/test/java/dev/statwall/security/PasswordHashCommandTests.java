package dev.statwall.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.bcrypt.BCrypt;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar statwall.jar hash-password}, fed on standard input as a script would. */
class PasswordHashCommandTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(String input) {
		return PasswordHashCommand.run(null, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
				new PrintStream(this.out, true, StandardCharsets.UTF_8), new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	@Test
	void whenAPasswordComesOnStandardInputThenOnlyItsBcryptHashIsPrinted() {
		assertThat(run("correct horse battery stäple\r\n")).isZero();
		String hash = this.out.toString(StandardCharsets.UTF_8).strip();
		assertThat(hash).matches(SecurityProperties.BCRYPT).startsWith("$2a$10$");
		assertThat(BCrypt.checkpw("correct horse battery stäple", hash)).as("the line end is not part of it").isTrue();
		assertThat(this.err.toString(StandardCharsets.UTF_8)).isEmpty();
	}

	@Test
	void whenThePasswordIsEmptyOrLongerThanBcryptReadsThenItSaysSoAndPrintsNothing() {
		assertThat(run("\n")).isEqualTo(1);
		assertThat(run("x".repeat(73) + "\n")).isEqualTo(1);
		assertThat(this.out.toString(StandardCharsets.UTF_8)).isEmpty();
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("the password is empty").contains("72 bytes");
	}

}
