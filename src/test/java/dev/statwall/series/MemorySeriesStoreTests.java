package dev.statwall.series;

/** The contract, for a store that keeps its blocks in memory. */
class MemorySeriesStoreTests extends SeriesStoreContractTests {

	@Override
	protected SeriesStore create(HistoryProperties properties) {
		return SeriesStore.inMemory(properties, this.clock);
	}

	@Override
	protected SeriesStore reopen(SeriesStore store, HistoryProperties properties) {
		return store;
	}

}
