package dev.statwall.series;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

import org.jspecify.annotations.Nullable;

/**
 * What was appended since the last checkpoint, in order, in segment files next to the store:
 * each record framed by its length and a CRC32C. Appends only copy into a buffer; {@link #sync}
 * writes (and forces) everything appended so far at once for every thread that waits, so a
 * thousand requests a second cost a few writes, not a thousand (group commit).
 * <p>
 * A crash can tear the last record; replay stops at the first record that does not check out, and
 * what follows in that segment is dropped: nothing there was ever acknowledged.
 */
final class WriteAheadLog implements AutoCloseable {

	private static final String PREFIX = "statwall-";

	private static final String SUFFIX = ".wal";

	private static final int MAX_RECORD = 64 * 1024 * 1024;

	private final Path directory;

	private final boolean force;

	private final Object lock = new Object();

	private Bytes pending = new Bytes(64 * 1024);

	private Bytes spare = new Bytes(64 * 1024);

	private final Bytes frame = new Bytes(16);

	private final CRC32C crc = new CRC32C();

	private @Nullable FileChannel channel;

	private long segment;

	/** Bytes appended and bytes written, counted over the log's life: positions for {@link #sync}. */
	private long appended;

	private long written;

	private boolean flushing;

	private @Nullable IOException failure;

	WriteAheadLog(Path directory, boolean force) throws IOException {
		this.directory = directory;
		this.force = force;
		Files.createDirectories(directory);
		List<Long> existing = segments(directory);
		this.segment = existing.isEmpty() ? 1 : existing.get(existing.size() - 1) + 1;
		this.channel = open(this.segment);
	}

	/**
	 * Appends a record; returns the position {@link #sync} waits for, or -1 while the log has
	 * failed. Never blocks on the disk.
	 */
	long append(Bytes record) {
		synchronized (this.lock) {
			if (this.failure != null) {
				return -1; // nothing can be made durable until the store recovers
			}
			this.crc.reset();
			this.crc.update(record.array(), 0, record.length());
			this.frame.reset();
			this.frame.varlong(record.length());
			this.frame.int32((int) this.crc.getValue());
			this.pending.write(this.frame.array(), 0, this.frame.length());
			this.pending.write(record.array(), 0, record.length());
			this.appended += this.frame.length() + record.length();
			return this.appended;
		}
	}

	/** Waits until everything up to {@code position} is written (and forced, if so configured). */
	void sync(long position) throws IOException {
		while (true) {
			Bytes batch;
			FileChannel out;
			long target;
			synchronized (this.lock) {
				if (this.failure != null) {
					throw this.failure;
				}
				if (this.written >= position) {
					return;
				}
				if (this.flushing) {
					waitForFlush();
					continue;
				}
				// this thread writes for everyone who appended so far; appends go on into the other buffer
				batch = this.pending;
				this.pending = this.spare;
				this.pending.reset();
				this.spare = batch;
				target = this.appended;
				out = this.channel;
				this.flushing = true;
			}
			IOException failed = (out != null) ? write(out, batch) : new IOException("the log is closed");
			synchronized (this.lock) {
				this.flushing = false;
				if (failed == null) {
					this.written = Math.max(this.written, target);
				}
				else if (this.failure == null) {
					this.failure = failed;
				}
				this.lock.notifyAll();
			}
		}
	}

	/** Writes what is buffered while holding the lock: for rotation and closing, which are rare. */
	private void flushLocked() throws IOException {
		FileChannel out = this.channel;
		if (this.pending.length() > 0 && out != null) {
			IOException failed = write(out, this.pending);
			if (failed != null) {
				this.failure = failed;
				throw failed;
			}
		}
		this.pending.reset();
		this.written = this.appended;
	}

	private @Nullable IOException write(FileChannel out, Bytes batch) {
		try {
			ByteBuffer buffer = ByteBuffer.wrap(batch.array(), 0, batch.length());
			while (buffer.hasRemaining()) {
				out.write(buffer);
			}
			if (this.force) {
				out.force(false);
			}
			return null;
		}
		catch (IOException ex) {
			return ex;
		}
	}

	private void waitForFlush() throws IOException {
		try {
			this.lock.wait(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while waiting for the log to be written", ex);
		}
	}

	/**
	 * Writes what is buffered, then starts a new segment: what follows belongs to the next
	 * checkpoint. Returns the last segment before it, to {@link #deleteThrough} once the checkpoint
	 * is committed.
	 */
	long rotate() throws IOException {
		synchronized (this.lock) {
			while (this.flushing) {
				waitForFlush();
			}
			if (this.failure != null) {
				throw this.failure;
			}
			flushLocked();
			long previous = this.segment;
			FileChannel old = this.channel;
			this.segment++;
			this.channel = open(this.segment);
			if (old != null) {
				old.close();
			}
			return previous;
		}
	}

	/** Removes the segments up to {@code segment}: a committed checkpoint holds what they held. */
	void deleteThrough(long segment) throws IOException {
		for (long existing : segments(this.directory)) {
			if (existing <= segment) {
				Files.deleteIfExists(file(this.directory, existing));
			}
		}
	}

	/**
	 * After a failure: drops what was never written, deletes every segment (a checkpoint taken just
	 * before holds everything) and starts afresh.
	 */
	void restart() throws IOException {
		synchronized (this.lock) {
			while (this.flushing) {
				waitForFlush();
			}
			FileChannel old = this.channel;
			this.channel = null;
			if (old != null) {
				try {
					old.close();
				}
				catch (IOException ex) {
					// the file is being given up anyway
				}
			}
			this.pending.reset();
			long newest = this.segment;
			this.segment++;
			this.channel = open(this.segment);
			deleteThrough(newest);
			this.written = this.appended;
			this.failure = null;
		}
	}

	/** Marks the log failed: appends are dropped and syncs throw until {@link #restart}. */
	void fail(IOException cause) {
		synchronized (this.lock) {
			if (this.failure == null) {
				this.failure = cause;
			}
			this.pending.reset();
			this.lock.notifyAll();
		}
	}

	boolean failed() {
		synchronized (this.lock) {
			return this.failure != null;
		}
	}

	/** Bytes in the segments on disk. */
	long size() {
		long size = 0;
		try {
			for (long existing : segments(this.directory)) {
				size += Files.size(file(this.directory, existing));
			}
		}
		catch (IOException ex) {
			// a segment deleted meanwhile
		}
		return size;
	}

	@Override
	public void close() throws IOException {
		synchronized (this.lock) {
			while (this.flushing) {
				waitForFlush();
			}
			if (this.failure == null) {
				flushLocked();
			}
			FileChannel old = this.channel;
			this.channel = null;
			if (old != null) {
				old.close();
			}
		}
	}

	private FileChannel open(long number) throws IOException {
		return FileChannel.open(file(this.directory, number), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.APPEND);
	}

	/**
	 * Reads every record of every segment in order; a segment ends at its first bad record.
	 * @return how many segments had a torn or damaged end
	 */
	static int replay(Path directory, Consumer<Bytes.Reader> records) throws IOException {
		int torn = 0;
		if (!Files.isDirectory(directory)) {
			return 0;
		}
		CRC32C crc = new CRC32C();
		for (long number : segments(directory)) {
			byte[] bytes = Files.readAllBytes(file(directory, number));
			Bytes.Reader in = new Bytes.Reader(bytes);
			while (in.more()) {
				int start = in.position();
				try {
					long length = in.varlong();
					int expected = in.int32();
					int offset = in.position();
					if (length < 0 || length > MAX_RECORD || offset + length > bytes.length) {
						throw new CorruptBlockException("record of " + length + " bytes at " + start);
					}
					crc.reset();
					crc.update(bytes, offset, (int) length);
					if ((int) crc.getValue() != expected) {
						throw new CorruptBlockException("checksum mismatch at " + start);
					}
					records.accept(new Bytes.Reader(bytes, offset, (int) length));
					in = new Bytes.Reader(bytes, offset + (int) length, bytes.length - offset - (int) length);
				}
				catch (CorruptBlockException ex) {
					torn++;
					break;
				}
			}
		}
		return torn;
	}

	private static List<Long> segments(Path directory) throws IOException {
		List<Long> numbers = new ArrayList<>();
		if (!Files.isDirectory(directory)) {
			return numbers;
		}
		try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
			for (Path path : files) {
				String name = path.getFileName().toString();
				try {
					numbers.add(Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length())));
				}
				catch (NumberFormatException ex) {
					// not one of ours
				}
			}
		}
		numbers.sort(null);
		return numbers;
	}

	private static Path file(Path directory, long number) {
		return directory.resolve(PREFIX + String.format("%012d", number) + SUFFIX);
	}

}
