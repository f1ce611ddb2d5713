package dev.statwall.series;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What statwall keeps of every metric of every node, for how long, and at what cost in disk.
 * Checked in the constructor, so that agents, which bind it without an application context, get
 * the same checks.
 *
 * @param enabled keep history on disk under {@code statwall.data-dir}; off keeps only the last
 * minutes in memory, for the cards, and nothing survives a restart
 * @param tier0 every sample, at the node's own interval
 * @param tier1 one point per minute: min, max, average
 * @param tier2 one point per hour: min, max, average
 * @param fsync force every acknowledged sample to the disk before answering; off writes it to the
 * operating system only, which survives a crash of statwall but not of the machine, and spares an
 * SD card a write a second
 * @param checkpointInterval how often the blocks being filled are written into the store, so the
 * log that covers them can be deleted
 */
@ConfigurationProperties("statwall.history")
public record HistoryProperties(@DefaultValue("true") boolean enabled, @DefaultValue Tier0 tier0,
		@DefaultValue Tier1 tier1, @DefaultValue Tier2 tier2, @DefaultValue("true") boolean fsync,
		@DefaultValue("5m") Duration checkpointInterval) {

	public HistoryProperties {
		tier0.limits().check("tier0");
		tier1.limits().check("tier1");
		tier2.limits().check("tier2");
		if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
			throw new IllegalArgumentException(
					"statwall.history.checkpoint-interval must be positive, was " + checkpointInterval);
		}
	}

	/** For tests and the in-memory store: every tier's limits given. */
	public static HistoryProperties of(boolean enabled, Tier tier0, Tier tier1, Tier tier2, boolean fsync,
			Duration checkpointInterval) {
		return new HistoryProperties(enabled, new Tier0(tier0.retention(), tier0.maxSize()),
				new Tier1(tier1.retention(), tier1.maxSize()), new Tier2(tier2.retention(), tier2.maxSize()), fsync,
				checkpointInterval);
	}

	Tier tier(int tier) {
		return switch (tier) {
			case 0 -> this.tier0.limits();
			case 1 -> this.tier1.limits();
			default -> this.tier2.limits();
		};
	}

	/**
	 * Tier 0: every sample.
	 *
	 * @param retention how long
	 * @param maxSize how much disk
	 */
	public record Tier0(@DefaultValue("14d") Duration retention, @DefaultValue("10GB") DataSize maxSize) {

		Tier limits() {
			return new Tier(this.retention, this.maxSize);
		}

	}

	/**
	 * Tier 1: a point per minute.
	 *
	 * @param retention how long
	 * @param maxSize how much disk
	 */
	public record Tier1(@DefaultValue("90d") Duration retention, @DefaultValue("2GB") DataSize maxSize) {

		Tier limits() {
			return new Tier(this.retention, this.maxSize);
		}

	}

	/**
	 * Tier 2: a point per hour.
	 *
	 * @param retention how long
	 * @param maxSize how much disk
	 */
	public record Tier2(@DefaultValue("730d") Duration retention, @DefaultValue("1GB") DataSize maxSize) {

		Tier limits() {
			return new Tier(this.retention, this.maxSize);
		}

	}

	/**
	 * How long a tier keeps its points, and how much disk it may take: the oldest go first when
	 * either is exceeded. Each tier has its own record only so that each has its own defaults.
	 *
	 * @param retention how long
	 * @param maxSize how much disk
	 */
	public record Tier(Duration retention, DataSize maxSize) {

		void check(String name) {
			if (this.retention.isNegative() || this.retention.isZero()) {
				throw new IllegalArgumentException(
						"statwall.history." + name + ".retention must be positive, was " + this.retention);
			}
			if (this.maxSize.toBytes() <= 0) {
				throw new IllegalArgumentException(
						"statwall.history." + name + ".max-size must be positive, was " + this.maxSize);
			}
		}

	}

}
