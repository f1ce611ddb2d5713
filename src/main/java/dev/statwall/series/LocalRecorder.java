package dev.statwall.series;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.statwall.sampling.Reading;
import dev.statwall.sampling.Sample;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;

/**
 * A standalone node's own samples into its history, then to whoever shows them. A hub records
 * its own machine through its node registry instead, as one node among the others.
 */
final class LocalRecorder {

	private static final Log logger = LogFactory.getLog(LocalRecorder.class);

	private final SeriesStore store;

	private final Tables tables;

	private final String node;

	private final long interval;

	private final ApplicationEventPublisher events;

	private final String run = java.util.UUID.randomUUID().toString();

	private final SampleNames names = new SampleNames();

	LocalRecorder(SeriesStore store, Tables tables, String node, long interval, ApplicationEventPublisher events) {
		this.store = store;
		this.tables = tables;
		this.node = node;
		this.interval = interval;
		this.events = events;
	}

	@EventListener
	void record(Sample sample) {
		Reading reading = sample.reading();
		String[] metrics = this.names.of(reading.values().keySet());
		SeriesStore.Appended appended;
		try {
			appended = this.store.append(this.node, sample.time(), metrics, SampleNames.values(metrics, reading.values()),
					this.interval, new Origin(this.run, sample.tick(), 0));
		}
		catch (OutOfOrderException ex) {
			// the clock went back (an NTP step): history only grows forward, so this sample is skipped
			logger.debug("Sample skipped: " + ex.getMessage());
			return;
		}
		if (!reading.texts().isEmpty()) {
			this.store.texts(this.node, reading.texts());
		}
		try {
			this.store.awaitDurable(this.node);
		}
		catch (StorageUnavailableException ex) {
			// the store has said so once; the cards stay live from memory meanwhile
		}
		this.events.publishEvent(new SampleStored(this.store.node(this.node).orElse(appended.node()), appended.rows(),
				this.tables.replace(this.node, reading.tables())));
	}

}
