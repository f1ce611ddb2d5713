package dev.statwall.role;

import java.util.Map;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.LogFile;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * What the roles that run without an application context (agent, simulator) still take from
 * Spring Boot: its logging set-up, so their logs look like every other statwall log and obey
 * {@code logging.level.*} and {@code logging.file.name}.
 */
public final class Launcher {

	private Launcher() {
	}

	public static void initializeLogging(ConfigurableEnvironment environment) {
		LoggingSystem logging = LoggingSystem.get(Launcher.class.getClassLoader());
		logging.beforeInitialize();
		logging.initialize(new LoggingInitializationContext(environment), null, LogFile.get(environment));
		Map<String, LogLevel> levels = Binder.get(environment)
			.bind("logging.level", Bindable.mapOf(String.class, LogLevel.class))
			.orElse(Map.of());
		levels.forEach((name, level) -> logging.setLogLevel("root".equalsIgnoreCase(name) ? null : name, level));
	}

	/** Ends the process after a configuration mistake, saying which one. */
	public static void exit(String what, Throwable failure) {
		Throwable cause = failure;
		StringBuilder reasons = new StringBuilder();
		while (cause != null) {
			if (cause.getMessage() != null && reasons.indexOf(cause.getMessage()) < 0) {
				reasons.append(reasons.isEmpty() ? "" : ": ").append(cause.getMessage());
			}
			cause = cause.getCause();
		}
		System.err.println("statwall " + what + " cannot start: " + reasons);
		System.exit(1);
	}

}
