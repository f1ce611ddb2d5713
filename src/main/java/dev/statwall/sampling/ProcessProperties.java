package dev.statwall.sampling;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code processes.top} table.
 *
 * @param top how many processes by CPU and how many by memory it holds; the table is the union of
 * both, so it has between {@code top} and twice as many rows
 * @param commandLine what the command column shows: {@code masked} (values of secret-looking
 * arguments become {@code ***}), {@code full} or {@code hidden}; decided on the node that reads
 * it, before it is sent to a hub or shown. The hub's token is masked in every mode
 */
@ConfigurationProperties("statwall.sampling.processes")
@Validated
public record ProcessProperties(@DefaultValue("10") @Min(1) @Max(1000) int top,
		@DefaultValue("masked") CommandLine commandLine) {

	/** What the command column shows. */
	public enum CommandLine {

		/** The command line, with the values of secret-looking arguments as {@code ***}. */
		MASKED,

		/** The command line as the process has it (the hub's token is still masked). */
		FULL,

		/** Nothing. */
		HIDDEN

	}

}
