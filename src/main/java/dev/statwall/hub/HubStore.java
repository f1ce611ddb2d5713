package dev.statwall.hub;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import dev.statwall.buffer.BufferRepository;
import dev.statwall.buffer.CyclicBuffer;
import dev.statwall.buffer.Row;
import dev.statwall.card.CardDefinition;
import dev.statwall.card.Dashboard;
import dev.statwall.card.PageDefinition;
import dev.statwall.hub.Node.NodeState;
import dev.statwall.hub.NodeRegistry.NodeForgotten;
import dev.statwall.sampling.Reading;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;

/**
 * Checkpoints every node to an H2 MVStore file under {@code statwall.data-dir} and puts them back
 * at start. A node is one entry holding its status, its delivery state (run, last sequence number)
 * and its buffers with their epochs and sequence numbers, written in one put: a checkpoint can never
 * restore a node's status without the rows that go with it.
 * <p>
 * The hub restores in its constructor, before the web server takes a single request, so nothing
 * is ingested into a node that is not back yet and readiness only comes after the restore.
 */
final class HubStore implements DisposableBean {

	private static final Log logger = LogFactory.getLog(HubStore.class);

	/** The layout of an entry; a new layout gets a new number and the old one stays readable. */
	private static final byte FORMAT = 1;

	static final String FILE = "hub.mv.db";

	private final MVStore store;

	private final MVMap<String, byte[]> entries;

	private final NodeRegistry nodes;

	private final BufferRepository buffers;

	private final Dashboard dashboard;

	private final Path file;

	HubStore(Path dataDir, NodeRegistry nodes, BufferRepository buffers, Dashboard dashboard) {
		this.nodes = nodes;
		this.buffers = buffers;
		this.dashboard = dashboard;
		try {
			Files.createDirectories(dataDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("statwall.data-dir '" + dataDir + "' cannot be created", ex);
		}
		this.file = dataDir.resolve(FILE).toAbsolutePath();
		this.store = new MVStore.Builder().fileName(this.file.toString()).compress().open();
		this.entries = this.store.openMap("nodes");
		restore();
	}

	private void restore() {
		long start = System.nanoTime();
		int restored = 0;
		for (Map.Entry<String, byte[]> entry : this.entries.entrySet()) {
			try {
				read(entry.getKey(), entry.getValue());
				restored++;
			}
			catch (IOException | RuntimeException ex) {
				logger.warn("Checkpoint of node '" + entry.getKey() + "' cannot be read; it starts empty", ex);
			}
		}
		if (restored > 0 || logger.isDebugEnabled()) {
			logger.info("Restored " + restored + " nodes from " + this.file + " in "
					+ (System.nanoTime() - start) / 1_000_000 + " ms");
		}
	}

	/** Saves every node that changed since the last checkpoint. */
	synchronized void checkpoint() {
		if (this.store.isClosed()) {
			return;
		}
		int written = 0;
		for (Node node : this.nodes.nodes()) {
			synchronized (node) {
				// under the node's lock: a node forgotten meanwhile must not come back
				if (node.dirty && !node.forgotten) {
					this.entries.put(node.name, write(node));
					node.dirty = false;
					written++;
				}
			}
		}
		if (written > 0) {
			this.store.commit();
		}
	}

	@EventListener
	void forgotten(NodeForgotten event) {
		if (!this.store.isClosed()) {
			this.entries.remove(event.node());
			this.store.commit();
		}
	}

	@Override
	public synchronized void destroy() {
		checkpoint();
		this.store.close();
	}

	private byte[] write(Node node) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			NodeState state = node.state();
			out.writeByte(FORMAT);
			out.writeUTF((node.run != null) ? node.run : "");
			out.writeInt(node.runs);
			out.writeByte(node.pastRuns.size());
			for (String run : node.pastRuns) {
				out.writeUTF(run);
			}
			out.writeLong(node.lastSeq);
			out.writeLong(node.lastTime);
			out.writeLong(node.interval);
			out.writeLong(node.dropped);
			out.writeLong(node.droppedThisRun);
			out.writeLong(state.lastSeen());
			out.writeLong(state.lastSampleTime());
			out.writeLong(state.lastSeq());
			out.writeInt(state.values().size());
			for (Map.Entry<String, Double> value : state.values().entrySet()) {
				out.writeUTF(value.getKey());
				out.writeDouble((value.getValue() != null) ? value.getValue() : Double.NaN);
			}
			out.writeInt(state.texts().size());
			for (Map.Entry<String, String> text : state.texts().entrySet()) {
				out.writeUTF(text.getKey());
				out.writeUTF(text.getValue());
			}
			List<String> names = bufferNames(node.name);
			List<CyclicBuffer> found = new ArrayList<>();
			List<String> kept = new ArrayList<>();
			for (String name : names) {
				this.buffers.findCyclic(node.name + "/" + name).ifPresent((buffer) -> {
					found.add(buffer);
					kept.add(name);
				});
			}
			out.writeInt(found.size());
			for (int b = 0; b < found.size(); b++) {
				CyclicBuffer buffer = found.get(b);
				out.writeUTF(kept.get(b));
				out.writeInt(buffer.capacity());
				out.writeByte(buffer.columns().size());
				for (String column : buffer.columns()) {
					out.writeUTF(column);
				}
				out.writeLong(buffer.epoch());
				List<Row> rows = buffer.rows();
				out.writeInt(rows.size());
				for (Row row : rows) {
					out.writeLong(row.seq());
					out.writeLong(row.time());
					for (double value : row.values()) {
						out.writeDouble(value);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex); // writing to memory
		}
		return bytes.toByteArray();
	}

	private void read(String name, byte[] entry) throws IOException {
		DataInputStream in = new DataInputStream(new ByteArrayInputStream(entry));
		byte format = in.readByte();
		if (format != FORMAT) {
			throw new IOException("unknown checkpoint format " + format);
		}
		Node node = new Node(name);
		String run = in.readUTF();
		node.run = run.isEmpty() ? null : run;
		node.runs = in.readInt();
		int pastRuns = in.readByte();
		for (int i = 0; i < pastRuns; i++) {
			node.pastRuns.addLast(in.readUTF());
		}
		node.lastSeq = in.readLong();
		node.lastTime = in.readLong();
		node.interval = in.readLong();
		node.dropped = in.readLong();
		node.droppedThisRun = in.readLong();
		long lastSeen = in.readLong();
		long lastSampleTime = in.readLong();
		long stateSeq = in.readLong();
		int valueCount = in.readInt();
		Map<String, Double> values = new LinkedHashMap<>();
		for (int i = 0; i < valueCount; i++) {
			values.put(in.readUTF(), in.readDouble());
		}
		int textCount = in.readInt();
		Map<String, String> texts = new LinkedHashMap<>();
		for (int i = 0; i < textCount; i++) {
			texts.put(in.readUTF(), in.readUTF());
		}
		int bufferCount = in.readInt();
		Map<String, CyclicBuffer> restored = new LinkedHashMap<>();
		for (int b = 0; b < bufferCount; b++) {
			String buffer = in.readUTF();
			int capacity = in.readInt();
			int columnCount = in.readByte();
			List<String> columns = new ArrayList<>(columnCount);
			for (int i = 0; i < columnCount; i++) {
				columns.add(in.readUTF());
			}
			long epoch = in.readLong();
			int rowCount = in.readInt();
			List<Row> rows = new ArrayList<>(rowCount);
			for (int r = 0; r < rowCount; r++) {
				long seq = in.readLong();
				long time = in.readLong();
				double[] row = new double[columnCount];
				for (int i = 0; i < columnCount; i++) {
					row[i] = in.readDouble();
				}
				rows.add(new Row(seq, time, row));
			}
			restored.put(name + "/" + buffer, CyclicBuffer.restore(columns, capacity, epoch, rows));
		}
		// only once the whole entry has been read does anything of it become visible
		restored.forEach(this.buffers::restore);
		node.restore(new NodeState(name, lastSeen, lastSampleTime, stateSeq, node.interval, node.dropped,
				Vitals.of(new Reading(values, Map.of(), Map.of())), values, texts));
		this.nodes.restore(node);
	}

	private List<String> bufferNames(String node) {
		List<String> names = new ArrayList<>();
		for (PageDefinition page : this.dashboard.pages()) {
			for (CardDefinition card : page.cards()) {
				names.add(card.bufferName(node).substring(node.length() + 1));
			}
		}
		names.add(NodeRegistry.SAMPLES);
		return names;
	}

}
