package dev.statwall.export;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Gives meters that come without a description (Spring's HTTP and Tomcat meters among them) one,
 * because Prometheus's lint rejects a family without help text.
 */
final class HelpTextFilter implements MeterFilter {

	@Override
	public Meter.Id map(Meter.Id id) {
		if (id.getDescription() != null && !id.getDescription().isBlank()) {
			return id;
		}
		return new Meter.Id(id.getName(), Tags.of(id.getTagsAsIterable()), id.getBaseUnit(),
				"Micrometer meter " + id.getName(), id.getType());
	}

}
