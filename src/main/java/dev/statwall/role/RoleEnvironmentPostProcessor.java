package dev.statwall.role;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Agents and simulators never run inside an application context: {@code StatwallApplication.main}
 * starts them without one, so an agent serves no web server and stays small. Should a context be
 * started for them anyway (another launcher, a test), it stops here and says how to start them,
 * rather than starting a web server that an agent must never open.
 */
class RoleEnvironmentPostProcessor implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Role role = Roles.of(environment);
		if (role == Role.AGENT || role == Role.SIMULATOR) {
			throw new IllegalStateException("statwall.role=" + role.name().toLowerCase(java.util.Locale.ROOT)
					+ " runs without an application context: start it with 'java -jar statwall.jar --statwall.role="
					+ role.name().toLowerCase(java.util.Locale.ROOT) + "' (dev.statwall.StatwallApplication.main)");
		}
	}

}
