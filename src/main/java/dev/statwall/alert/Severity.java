package dev.statwall.alert;

import java.util.Locale;

/** How urgent an alert is: Alertmanager's {@code severity} label, and the colour of its outline. */
public enum Severity {

	/** Worth a look today. */
	WARNING,

	/** Worth waking someone for. */
	CRITICAL;

	/** As written in labels, JSON and CSS: {@code warning}, {@code critical}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return key();
	}

}
