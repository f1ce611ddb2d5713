package dev.statwall.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.statwall.StatwallApplication;
import dev.statwall.role.InvalidConfigurationException;
import dev.statwall.security.SecurityProperties.Mode;
import dev.statwall.security.SecurityProperties.Oidc;
import dev.statwall.security.SecurityProperties.Role;
import dev.statwall.security.SecurityProperties.User;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What {@code statwall.security} accepts, and how start-up stops, naming the key, when it is wrong. */
@ExtendWith(OutputCaptureExtension.class)
class SecurityPropertiesTests {

	private static final String HASH = "$2a$10$7D.vQFytb60abfNPiUcLe..9KhbodjSxvgsqCGEzaHuFD8pVG9ZFi";

	private static SecurityProperties users(User... users) {
		return new SecurityProperties(Mode.USERS, List.of(users), new Oidc("groups", List.of("statwall-admin")));
	}

	@Test
	void whenAPasswordIsABcryptHashBareOrPrefixedThenItIsTaken() {
		for (String hash : List.of(HASH, HASH.replace("$2a$", "$2b$"), HASH.replace("$2a$", "$2y$"), "{bcrypt}" + HASH)) {
			assertThat(users(new User("vera", hash, Role.VIEWER)).users()).hasSize(1);
		}
	}

	@Test
	void whenAPasswordIsNotABcryptHashThenItIsRefusedNamingItsKey() {
		for (String password : List.of("hunter2", "{noop}hunter2", "{bcrypt}hunter2", "$2a$10$tooShort", HASH + "x",
				"{sha256}" + HASH, " " + HASH)) {
			assertThatExceptionOfType(InvalidConfigurationException.class)
				.isThrownBy(() -> users(new User("vera", HASH, Role.ADMIN), new User("adam", password, Role.ADMIN)))
				.satisfies((ex) -> assertThat(ex.key()).isEqualTo("statwall.security.users[1].password"))
				.withMessageContaining("bcrypt hash")
				.withMessageContaining("hash-password")
				.withMessageNotContaining(password.strip().replace("{noop}", "").replace("{bcrypt}", ""));
		}
	}

	@Test
	void whenUsersAreMissingNamelessOrTwiceThenStartUpSaysWhichKey() {
		assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(() -> users())
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("statwall.security.users"));
		assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(() -> users(new User(null, HASH, Role.VIEWER)))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("statwall.security.users[0].name"));
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> users(new User("vera", HASH, Role.VIEWER), new User("Vera", HASH, Role.ADMIN)))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("statwall.security.users[1].name"));
		assertThat(new SecurityProperties(Mode.OPEN, List.of(), new Oidc("groups", List.of())).users()).isEmpty();
	}

	@Test
	void whenTheUserToStringIsPrintedThenTheHashIsNot() {
		assertThat(new User("vera", HASH, Role.VIEWER).toString()).doesNotContain(HASH).contains("***");
	}

	@Test
	void whenStartedWithAPlainPasswordThenStatwallStopsAndNamesTheKey(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("statwall.security.mode=users", "statwall.security.users[0].name=vera",
				"statwall.security.users[0].password=hunter2"));
		assertThat(output.getOut() + output.getErr()).contains("statwall.security.users[0].password")
			.contains("bcrypt hash").doesNotContain("hunter2");
	}

	@Test
	void whenOidcHasNoClientThenStatwallStopsAndSaysWhatToSet(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("statwall.security.mode=oidc"));
		assertThat(output.getOut() + output.getErr()).contains("spring.security.oauth2.client.registration");
	}

	private static void start(String... properties) {
		new SpringApplicationBuilder(StatwallApplication.class)
			.properties("server.port=0", "statwall.sampling.interval=1h", "spring.main.banner-mode=off")
			.properties(properties)
			.run()
			.close();
	}

	@Test
	void whenTheAdminClaimIsAListAStringOrNestedThenItIsFound() {
		Map<String, Object> claims = Map.of("groups", List.of("staff", "statwall-admin"), "role", "statwall-admin",
				"realm_access", Map.of("roles", List.of("statwall-admin")), "https://example.org/roles", List.of("admin"));
		List<String> admin = List.of("statwall-admin");
		assertThat(SecurityConfiguration.matches(SecurityConfiguration.claim(claims, "groups"), admin)).isTrue();
		assertThat(SecurityConfiguration.matches(SecurityConfiguration.claim(claims, "role"), admin)).isTrue();
		assertThat(SecurityConfiguration.matches(SecurityConfiguration.claim(claims, "realm_access.roles"), admin)).isTrue();
		assertThat(SecurityConfiguration.matches(SecurityConfiguration.claim(claims, "https://example.org/roles"),
				List.of("admin"))).isTrue();
		assertThat(SecurityConfiguration.matches(SecurityConfiguration.claim(claims, "missing"), admin)).isFalse();
		assertThat(SecurityConfiguration.matches(SecurityConfiguration.claim(Map.of("groups", List.of("staff")), "groups"),
				admin)).isFalse();
	}

}
