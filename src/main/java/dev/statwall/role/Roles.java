package dev.statwall.role;

import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Reads the role before any application context exists, from the same places Spring Boot reads
 * everything else: command line, system properties, environment variables and config files.
 */
public final class Roles {

	private Roles() {
	}

	/** The environment a context would see, without starting one. */
	public static ConfigurableEnvironment environment(String... args) {
		StandardEnvironment environment = new StandardEnvironment();
		if (args.length > 0) {
			environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
		}
		ConfigDataEnvironmentPostProcessor.applyTo(environment);
		return environment;
	}

	/**
	 * The configured role, standalone when none is set.
	 * @throws BindException naming {@code statwall.role} when the value is not a role
	 */
	public static Role of(Environment environment) {
		return Binder.get(environment).bind("statwall.role", Role.class).orElse(Role.STANDALONE);
	}

}
