package dev.statwall.series;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code history} in {@code /actuator/health} and in readiness: DOWN, with the reason, while
 * statwall cannot write its history (a full or read-only disk). It keeps serving what it holds,
 * and a hub acknowledges nothing until the disk works again, so an orchestrator should know.
 */
final class HistoryHealth implements HealthIndicator {

	private final SeriesStore store;

	HistoryHealth(SeriesStore store) {
		this.store = store;
	}

	@Override
	public Health health() {
		String failure = this.store.failure();
		Health.Builder health = (failure == null) ? Health.up() : Health.down().withDetail("reason", failure);
		return health.withDetail("nodes", this.store.nodes().size()).withDetail("diskBytes", this.store.diskBytes()).build();
	}

}
