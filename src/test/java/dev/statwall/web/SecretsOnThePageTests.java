package dev.statwall.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.statwall.testing.SecretHolder;
import dev.statwall.testing.TestUsers;
import dev.statwall.testing.UsersStandalone;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A standalone node's page shows a real process's secrets as {@code ***}, as served and as pushed live. */
@UsersStandalone
class SecretsOnThePageTests {

	@LocalServerPort
	private int port;

	@Test
	void whenAProcessHasSecretsOnItsCommandLineThenThePageShowsStarsInTheirPlace() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		try (SecretHolder holder = SecretHolder.start()) {
			String row = "data-key=\"" + holder.pid() + "\"";
			String page = "";
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (!page.contains(row) && System.nanoTime() < deadline) {
				Thread.sleep(250);
				page = http.send(TestUsers.asViewer(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/")))
					.build(), HttpResponse.BodyHandlers.ofString()).body();
			}
			assertThat(page).as("the process is in the table").contains(row);
			String shown = page.substring(page.indexOf(row));
			shown = shown.substring(0, shown.indexOf("</tr>"));
			assertThat(shown).contains(SecretHolder.MASKED);
			assertThat(page).doesNotContain(SecretHolder.SECRETS);
		}
	}

}
