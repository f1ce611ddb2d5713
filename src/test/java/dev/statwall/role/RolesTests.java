package dev.statwall.role;

import org.junit.jupiter.api.Test;

import dev.statwall.StatwallApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

class RolesTests {

	@Test
	void whenNoRoleIsSetThenItIsStandalone() {
		assertThat(Roles.of(new MockEnvironment())).isEqualTo(Role.STANDALONE);
	}

	@Test
	void whenTheRoleComesFromTheCommandLineOrTheEnvironmentThenItIsRead() {
		assertThat(Roles.of(Roles.environment("--statwall.role=agent"))).isEqualTo(Role.AGENT);
		org.springframework.core.env.StandardEnvironment environment = new org.springframework.core.env.StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new org.springframework.core.env.SystemEnvironmentPropertySource("env",
					java.util.Map.of("STATWALL_ROLE", "hub")));
		assertThat(Roles.of(environment)).isEqualTo(Role.HUB);
		assertThat(Roles.of(new MockEnvironment().withProperty("statwall.role", "Simulator"))).isEqualTo(Role.SIMULATOR);
	}

	@Test
	void whenTheRoleIsNotOneThenBindingSaysSo() {
		assertThatException().isThrownBy(() -> Roles.of(new MockEnvironment().withProperty("statwall.role", "boss")))
			.withMessageContaining("statwall.role");
	}

	@Test
	void whenAnApplicationContextIsStartedForAnAgentThenItStopsBeforeOpeningAnythingAndSaysHowToStartOne() {
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(StatwallApplication.class)
				.properties("statwall.role=agent", "server.port=0")
				.run()
				.close())
			.withStackTraceContaining("statwall.role=agent runs without an application context");
	}

}
