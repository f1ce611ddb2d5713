package dev.statwall.card;

import java.util.ArrayList;
import java.util.List;

import dev.statwall.buffer.BufferRepository;
import dev.statwall.buffer.CyclicBuffer;
import dev.statwall.buffer.Row;
import dev.statwall.sampling.Reading;

/** Fills every card's buffer from samples and reads them back for pages and live clients. */
public final class CardBuffers {

	private final Dashboard dashboard;

	private final BufferRepository buffers;

	public CardBuffers(Dashboard dashboard, BufferRepository buffers) {
		this.dashboard = dashboard;
		this.buffers = buffers;
	}

	/** Appends one row per card of every page for a node's sample. */
	public CardRowsAppended append(String node, long time, Reading reading) {
		List<CardRows> appended = new ArrayList<>();
		for (PageDefinition page : this.dashboard.pages()) {
			for (CardDefinition card : page.cards()) {
				double[] values = new double[card.metrics().size()];
				for (int i = 0; i < values.length; i++) {
					values[i] = reading.value(card.metrics().get(i));
				}
				CyclicBuffer buffer = buffer(node, card);
				Row row = buffer.append(time, values);
				appended.add(new CardRows(card, node, buffer.epoch(), List.of(row), List.of(card.text(row.values()))));
			}
		}
		return new CardRowsAppended(node, List.copyOf(appended));
	}

	/**
	 * A card's rows after {@code afterSeq}; all its rows when the client's {@code epoch} is not the
	 * buffer's, because then its sequence numbers mean nothing here.
	 */
	public CardRows rows(String node, CardDefinition card, long epoch, long afterSeq) {
		CyclicBuffer buffer = this.buffers.findCyclic(card.bufferName(node)).orElse(null);
		if (buffer == null) {
			// nothing sampled yet; asking must not create buffers for names nobody writes
			return new CardRows(card, node, 0, List.of(), List.of());
		}
		List<Row> rows = buffer.rowsAfter((epoch == buffer.epoch()) ? afterSeq : 0);
		List<String> texts = new ArrayList<>(rows.size());
		rows.forEach((row) -> texts.add(card.text(row.values())));
		return new CardRows(card, node, buffer.epoch(), rows, texts);
	}

	public CardRows rows(String node, CardDefinition card) {
		return rows(node, card, -1, 0);
	}

	private CyclicBuffer buffer(String node, CardDefinition card) {
		return this.buffers.cyclic(card.bufferName(node), card.columns(), card.capacity());
	}

}
