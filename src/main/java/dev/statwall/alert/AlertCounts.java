package dev.statwall.alert;

/**
 * Firing alerts by severity, and those pending: the header's badge.
 *
 * @param critical critical alerts firing
 * @param warning warning alerts firing
 * @param pending alerts whose condition holds, not yet for their {@code for}
 */
public record AlertCounts(int critical, int warning, int pending) {

	static final AlertCounts NONE = new AlertCounts(0, 0, 0);

	public int firing() {
		return this.critical + this.warning;
	}

}
