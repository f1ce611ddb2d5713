package dev.statwall.wire;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

import org.jspecify.annotations.Nullable;

import dev.statwall.sampling.Reading;
import dev.statwall.sampling.Table;

/**
 * Consecutive samples of one node as they travel from agent to hub, stored by column: every metric
 * name once per batch, then its values for each sample. One sample a second is a batch of one; a
 * backlog after an outage is a few large batches.
 *
 * @param version the wire format version, {@link #VERSION}
 * @param node the sending node's name
 * @param run identifies one run of the agent: sequence numbers start again at 1 with a new run
 * @param interval the agent's sampling interval in milliseconds
 * @param dropped samples this run has dropped so far because its spool was full
 * @param seq each sample's sequence number, one more than the one before unless samples were dropped
 * @param time each sample's time, epoch milliseconds
 * @param metrics the metric names, in the order of {@code values}
 * @param values per metric, one value per sample; {@code NaN} where the reading was n/a
 * @param texts texts of the newest sample, such as {@code os.name}
 * @param tables tables of the newest sample, such as the mounted file systems
 */
// the arrays are the format, by column, parsed into and written from without copies; a batch is
// passed along once and never compared, hashed or kept, so a record's array equality never matters
@SuppressWarnings("ArrayRecordComponent")
public record SampleBatch(int version, String node, String run, long interval, long dropped, long[] seq,
		long[] time, String[] metrics, double[][] values, Map<String, String> texts, Map<String, Table> tables) {

	/** The only version this code writes and reads. */
	public static final int VERSION = 1;

	/** A new run id for every start of an agent, so the hub tells a restart from a duplicate. */
	public static String newRun() {
		return Long.toString(System.currentTimeMillis(), 36) + "-"
				+ java.util.HexFormat.of().toHexDigits(java.util.concurrent.ThreadLocalRandom.current().nextInt());
	}

	public int size() {
		return this.seq.length;
	}

	/**
	 * Sample {@code index} as a {@link Reading}; texts and tables only come with the newest sample,
	 * since they describe the node's state and older ones are already superseded.
	 */
	public Reading reading(int index) {
		boolean newest = index == this.seq.length - 1;
		return new Reading(new ColumnValues(this.metrics, this.values, index), newest ? this.texts : Map.of(),
				newest ? this.tables : Map.of());
	}

	/** One sample's values, read straight from the columns without copying them into a map. */
	private static final class ColumnValues extends AbstractMap<String, Double> {

		private final String[] metrics;

		private final double[][] values;

		private final int sample;

		ColumnValues(String[] metrics, double[][] values, int sample) {
			this.metrics = metrics;
			this.values = values;
			this.sample = sample;
		}

		@Override
		public @Nullable Double get(@Nullable Object key) {
			for (int i = 0; i < this.metrics.length; i++) {
				if (this.metrics[i].equals(key)) {
					return this.values[i][this.sample];
				}
			}
			return null;
		}

		@Override
		public boolean containsKey(@Nullable Object key) {
			for (String metric : this.metrics) {
				if (metric.equals(key)) {
					return true;
				}
			}
			return false;
		}

		@Override
		public int size() {
			return this.metrics.length;
		}

		@Override
		public java.util.Set<Entry<String, Double>> entrySet() {
			return new AbstractSet<>() {

				@Override
				public Iterator<Entry<String, Double>> iterator() {
					return new Iterator<>() {

						private int next;

						@Override
						public boolean hasNext() {
							return this.next < ColumnValues.this.metrics.length;
						}

						@Override
						public Entry<String, Double> next() {
							if (!hasNext()) {
								throw new NoSuchElementException();
							}
							int i = this.next++;
							return new SimpleImmutableEntry<>(ColumnValues.this.metrics[i],
									ColumnValues.this.values[i][ColumnValues.this.sample]);
						}

					};
				}

				@Override
				public int size() {
					return ColumnValues.this.metrics.length;
				}

			};
		}

	}

}
