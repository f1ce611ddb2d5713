package dev.statwall.security;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code java -jar statwall.jar hash-password}: prints a bcrypt hash for
 * {@code statwall.security.users[n].password}. It asks twice on a terminal, or reads one line
 * from standard input ({@code printf %s "$PASSWORD" | java -jar statwall.jar hash-password}). No
 * application context starts and nothing but the hash is printed to standard output.
 */
public final class PasswordHashCommand {

	public static final String NAME = "hash-password";

	/** Spring Security's default cost: about 0.1 s per check on a Raspberry Pi 4, paid at every HTTP Basic request. */
	static final int STRENGTH = 10;

	private static final int MAX_BYTES = 72; // bcrypt reads no further

	private PasswordHashCommand() {
	}

	/** Runs the command; returns the exit status. */
	public static int run(@Nullable Console console, InputStream in, PrintStream out, PrintStream err) {
		char[] password;
		try {
			password = (console != null) ? ask(console, err) : readLine(in);
		}
		catch (IOException | IllegalArgumentException ex) {
			err.println("statwall hash-password: " + ex.getMessage());
			return 1;
		}
		if (password == null) {
			return 1;
		}
		try {
			if (password.length == 0) {
				err.println("statwall hash-password: the password is empty");
				return 1;
			}
			if (new String(password).getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
				err.println("statwall hash-password: bcrypt uses only the first 72 bytes; choose a shorter password");
				return 1;
			}
			out.println(new BCryptPasswordEncoder(STRENGTH).encode(new String(password)));
			return 0;
		}
		finally {
			Arrays.fill(password, '\0');
		}
	}

	private static char @Nullable [] ask(Console console, PrintStream err) {
		char[] first = console.readPassword("Password: ");
		char[] second = console.readPassword("Again: ");
		if (first == null || second == null || !Arrays.equals(first, second)) {
			err.println("statwall hash-password: the two passwords differ");
			return null;
		}
		Arrays.fill(second, '\0');
		return first;
	}

	/** One line; its line end is not part of the password. */
	static char[] readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) >= 0 && b != '\n') {
			if (line.size() > 4096) {
				throw new IllegalArgumentException("the password is longer than a line should be");
			}
			line.write(b);
		}
		byte[] bytes = line.toByteArray();
		int length = (bytes.length > 0 && bytes[bytes.length - 1] == '\r') ? bytes.length - 1 : bytes.length;
		return new String(bytes, 0, length, StandardCharsets.UTF_8).toCharArray();
	}

}
