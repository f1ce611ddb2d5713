package dev.statwall.sampling;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.statwall.sampling.ProcessProperties.CommandLine;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** Secrets in command lines, by the forms programs take them; masked before anything leaves the node. */
class CommandLineMaskTests {

	private final CommandLineMask masked = new CommandLineMask(CommandLine.MASKED, List.of("hub-token-0xC0FFEE"));

	private String show(String... arguments) {
		return this.masked.show(List.of(arguments));
	}

	@Test
	void whenASecretIsGivenAsNameEqualsValueThenTheValueIsMasked() {
		assertThat(show("java", "-jar", "statwall.jar", "--statwall.hub.token=abc123", "--server.port=8080"))
			.isEqualTo("java -jar statwall.jar --statwall.hub.token=*** --server.port=8080");
		assertThat(show("app", "--password=hunter2", "-password=hunter2", "--db-passwd=x", "--pwd=x", "--api-key=x",
				"--apikey=x", "--aws-secret-access-key=x", "--client-credentials=x", "--auth=x", "--private-key=x",
				"--session-id=x", "--cookie=x", "--bearer=x", "--jwt=x", "--signing-salt=x"))
			.isEqualTo("app --password=*** -password=*** --db-passwd=*** --pwd=*** --api-key=*** --apikey=*** "
					+ "--aws-secret-access-key=*** --client-credentials=*** --auth=*** --private-key=*** --session-id=*** "
					+ "--cookie=*** --bearer=*** --jwt=*** --signing-salt=***");
	}

	@Test
	void whenASecretIsAJavaSystemPropertyOrAnEnvironmentStylePairThenTheValueIsMasked() {
		assertThat(show("java", "-Djavax.net.ssl.keyStorePassword=changeit", "-Dspring.datasource.password=pw",
				"-Dfile.encoding=UTF-8", "-Xmx1g", "-jar", "app.jar"))
			.isEqualTo("java -Djavax.net.ssl.keyStorePassword=*** -Dspring.datasource.password=*** -Dfile.encoding=UTF-8 "
					+ "-Xmx1g -jar app.jar");
		assertThat(show("env", "PGPASSWORD=pgpw", "AWS_SECRET_ACCESS_KEY=aws", "GITHUB_TOKEN=ghp_x", "MYSQL_PWD=m", "LANG=C",
				"psql"))
			.isEqualTo("env PGPASSWORD=*** AWS_SECRET_ACCESS_KEY=*** GITHUB_TOKEN=*** MYSQL_PWD=*** LANG=C psql");
	}

	@Test
	void whenASecretOptionTakesItsValueAsTheNextArgumentThenThatArgumentIsMasked() {
		assertThat(show("aws", "--aws-secret-access-key", "wJalrXUtnFEMI", "--region", "eu-west-1"))
			.isEqualTo("aws --aws-secret-access-key *** --region eu-west-1");
		assertThat(show("tool", "--password", "-starts-with-a-dash", "--token", "t0k", "-auth", "a", "--verbose", "file"))
			.isEqualTo("tool --password *** --token *** -auth *** --verbose file");
		assertThat(show("openssl", "pkcs12", "-passin", "pass:hunter2", "-in", "x.p12"))
			.isEqualTo("openssl pkcs12 -passin *** -in x.p12");
		assertThat(show("app", "--password")).as("a trailing option with nothing after it").isEqualTo("app --password");
	}

	@Test
	void whenASecretIsAHeaderOrInAUrlThenItIsMasked() {
		assertThat(show("curl", "-H", "Authorization: Bearer eyJhbGciOi", "-H", "X-Api-Key: k", "-H", "Accept: */*",
				"https://user:s3cr3t@example.org/path", "postgres://app:pw@db:5432/app"))
			.isEqualTo("curl -H Authorization: Bearer *** -H X-Api-Key: *** -H Accept: */* https://user:***@example.org/path "
					+ "postgres://app:***@db:5432/app");
	}

	@Test
	void whenAnArgumentHoldsAWholeShellCommandThenItsWordsAreMaskedToo() {
		assertThat(show("sh", "-c", "psql -h db --password 'hunter2'; PGPASSWORD=pw curl -H 'Authorization: Bearer abc' x"))
			.isEqualTo("sh -c psql -h db --password '***'; PGPASSWORD=*** curl -H 'Authorization: Bearer ***' x");
		assertThat(show("app", "--password=correct horse battery staple", "TOKEN=a b"))
			.as("a value with spaces is masked whole").isEqualTo("app --password=*** TOKEN=***");
	}

	@Test
	void whenNothingLooksSecretThenTheCommandLineIsUnchanged() {
		String[] plain = { "/usr/bin/python3", "-m", "http.server", "--bind", "127.0.0.1", "8000", "CFLAGS=-O2", "a=b",
				"<img src=x onerror=alert(1)>" };
		assertThat(show(plain)).isEqualTo(String.join(" ", plain));
	}

	@Test
	void whenTheHubsOwnTokenAppearsAnywhereThenItIsMaskedInEveryModeButHidden() {
		assertThat(show("agent", "hub-token-0xC0FFEE", "--header=X-Token-Of:hub-token-0xC0FFEE-suffix"))
			.isEqualTo("agent *** --header=X-Token-Of:***-suffix");
		CommandLineMask full = new CommandLineMask(CommandLine.FULL, List.of("hub-token-0xC0FFEE"));
		assertThat(full.show(List.of("agent", "--password=visible", "hub-token-0xC0FFEE", "--statwall.hub.token=hub-token-0xC0FFEE")))
			.isEqualTo("agent --password=visible *** --statwall.hub.token=***");
		CommandLineMask hidden = new CommandLineMask(CommandLine.HIDDEN, List.of());
		assertThat(hidden.show(List.of("agent", "--anything"))).isEmpty();
	}

	@Test
	void whenTheConfigurationHoldsTheHubTokenAndClientSecretsThenThoseAreTheOwnSecrets() {
		MockEnvironment environment = new MockEnvironment().withProperty("statwall.hub.token", "t-1")
			.withProperty("spring.security.oauth2.client.registration.sso.client-id", "statwall")
			.withProperty("spring.security.oauth2.client.registration.sso.client-secret", "cs-2");
		assertThat(CommandLineMask.ownSecrets(environment)).containsExactlyInAnyOrder("t-1", "cs-2");
		assertThat(CommandLineMask.ownSecrets(new MockEnvironment())).isEmpty();
	}

}
