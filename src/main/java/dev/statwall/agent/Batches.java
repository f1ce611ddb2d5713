package dev.statwall.agent;

import java.util.List;
import java.util.Map;

import dev.statwall.agent.Spool.Entry;
import dev.statwall.sampling.Table;
import dev.statwall.wire.SampleBatch;

/** Turns spooled samples, which share one list of metric names, into a batch by column. */
public final class Batches {

	private Batches() {
	}

	public static SampleBatch of(String node, String run, long interval, long dropped, List<Entry> entries,
			Map<String, String> texts, Map<String, Table> tables) {
		int size = entries.size();
		String[] names = entries.get(0).metrics();
		long[] seq = new long[size];
		long[] time = new long[size];
		double[][] values = new double[names.length][size];
		for (int i = 0; i < size; i++) {
			Entry entry = entries.get(i);
			seq[i] = entry.seq();
			time[i] = entry.time();
			for (int m = 0; m < names.length; m++) {
				values[m][i] = entry.values()[m];
			}
		}
		return new SampleBatch(SampleBatch.VERSION, node, run, interval, dropped, seq, time, names, values, texts,
				tables);
	}

}
