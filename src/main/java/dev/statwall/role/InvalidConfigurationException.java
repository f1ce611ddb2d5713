package dev.statwall.role;

/** Configuration that binds but cannot work, such as a card naming a metric this node lacks. */
public class InvalidConfigurationException extends RuntimeException {

	private final String key;

	private final String reason;

	public InvalidConfigurationException(String key, String reason) {
		super(key + ": " + reason);
		this.key = key;
		this.reason = reason;
	}

	/** The configuration key, such as {@code statwall.pages[0].cards[1].metric}. */
	public String key() {
		return this.key;
	}

	public String reason() {
		return this.reason;
	}

}
