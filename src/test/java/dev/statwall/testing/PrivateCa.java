package dev.statwall.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A private CA and a hub certificate it signed, made with openssl by the very commands the README
 * gives for a rack of Pis.
 *
 * @param ca the CA's certificate, the agents' {@code statwall.hub.ca-file}
 * @param certificate the hub's certificate
 * @param key the hub's private key
 */
public record PrivateCa(Path ca, Path certificate, Path key) {

	/** Makes them in {@code dir}; skips the test, saying why, where openssl is missing. */
	public static PrivateCa make(Path dir, String name) throws IOException, InterruptedException {
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "TLS tests need openssl (apt-get install openssl)");
		Files.createDirectories(dir);
		Files.writeString(dir.resolve(name + ".ext"),
				"subjectAltName=DNS:" + name + ",DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n",
				StandardCharsets.US_ASCII);
		// README, "TLS between agents and hub"
		run(dir, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
				"-days", "3650", "-subj", "/CN=statwall CA", "-keyout", "ca.key", "-out", "ca.crt");
		run(dir, "openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-subj",
				"/CN=" + name, "-keyout", name + ".key", "-out", name + ".csr");
		run(dir, "openssl", "x509", "-req", "-in", name + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
				"-days", "825", "-extfile", name + ".ext", "-out", name + ".crt");
		return new PrivateCa(dir.resolve("ca.crt"), dir.resolve(name + ".crt"), dir.resolve(name + ".key"));
	}

	private static void run(Path dir, String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
		}
	}

}
