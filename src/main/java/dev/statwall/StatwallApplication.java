package dev.statwall;

import dev.statwall.agent.AgentMain;
import dev.statwall.role.Launcher;
import dev.statwall.role.Role;
import dev.statwall.role.Roles;
import dev.statwall.role.StartupSteps;
import dev.statwall.security.PasswordHashCommand;
import dev.statwall.simulator.SimulatorMain;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class StatwallApplication {

	/**
	 * Agents and the simulator branch off before any application context exists: they serve
	 * nothing, and a context would more than double an agent's memory.
	 */
	public static void main(String[] args) {
		if (args.length > 0 && PasswordHashCommand.NAME.equals(args[0])) {
			System.exit(PasswordHashCommand.run(System.console(), System.in, System.out, System.err));
		}
		ConfigurableEnvironment environment = Roles.environment(args);
		Role role;
		try {
			role = Roles.of(environment);
		}
		catch (RuntimeException ex) {
			Launcher.exit("(statwall.role must be standalone, agent, hub or simulator)", ex);
			return;
		}
		switch (role) {
			case AGENT -> AgentMain.run(environment);
			case SIMULATOR -> SimulatorMain.run(environment);
			default -> run(args, environment);
		}
	}

	/**
	 * A web role that cannot start (its port taken, a store that cannot be opened) ends the JVM
	 * with status 1 whatever threads are left, so systemd or a container runtime can act on it.
	 * Spring Boot has already logged why and closed the context.
	 */
	private static void run(String[] args, ConfigurableEnvironment environment) {
		try {
			SpringApplication application = new SpringApplication(StatwallApplication.class);
			StartupSteps.apply(application, environment);
			application.run(args);
		}
		catch (Throwable ex) {
			System.exit(1);
		}
	}

}
