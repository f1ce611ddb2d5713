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
 */
@ConfigurationProperties("statwall.sampling.processes")
@Validated
public record ProcessProperties(@DefaultValue("10") @Min(1) @Max(1000) int top) {
}
