package dev.statwall.alert;

import java.util.Locale;

/** Where an alert instance is in its life: inactive → pending → firing → resolved. */
public enum AlertState {

	/** The condition does not hold. */
	INACTIVE,

	/** The condition holds, but not yet for the rule's {@code for}. */
	PENDING,

	/** The condition has held for {@code for}: receivers are told. */
	FIRING,

	/** It fired and its condition cleared: receivers are told, then it is inactive again. */
	RESOLVED;

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return key();
	}

	/** Pending or firing: what the alerts page lists as now. */
	public boolean isActive() {
		return this == PENDING || this == FIRING;
	}

}
