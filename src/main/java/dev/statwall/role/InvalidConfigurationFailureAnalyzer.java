package dev.statwall.role;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad statwall setting into start-up output that names the key and says what to do. */
public class InvalidConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidConfigurationException cause) {
		return new FailureAnalysis("Invalid statwall configuration at '%s': %s".formatted(cause.key(), cause.reason()),
				"Fix '%s' in application.yml (or the matching environment variable) and start again."
					.formatted(cause.key()),
				cause);
	}

}
