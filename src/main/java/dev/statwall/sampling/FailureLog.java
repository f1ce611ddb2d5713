package dev.statwall.sampling;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;

/**
 * Logs a failing part once when it starts failing and once when it recovers, never once per
 * sample: at one sample a second a broken sensor would otherwise flood the log.
 */
public final class FailureLog {

	private final Log log;

	private final Set<String> failing = ConcurrentHashMap.newKeySet();

	public FailureLog(Log log) {
		this.log = log;
	}

	public void failed(String part, Throwable failure) {
		if (this.failing.add(part)) {
			this.log.warn(part + " cannot be read; it shows as n/a until it recovers", failure);
		}
	}

	public void succeeded(String part) {
		if (!this.failing.isEmpty() && this.failing.remove(part)) {
			this.log.info(part + " can be read again");
		}
	}

	public boolean isFailing(String part) {
		return this.failing.contains(part);
	}

}
