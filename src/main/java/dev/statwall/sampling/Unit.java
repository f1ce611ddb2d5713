package dev.statwall.sampling;

/** What a metric's number measures; value templates and exporters format by it. */
public enum Unit {

	PERCENT, BYTES, BYTES_PER_SECOND, PER_SECOND, COUNT, SECONDS, CELSIUS, RPM, RATIO

}
