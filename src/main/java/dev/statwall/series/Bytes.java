package dev.statwall.series;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growing byte array with variable-length integers: the layout of blocks, node records and the log. */
final class Bytes {

	private byte[] bytes;

	private int length;

	Bytes(int capacity) {
		this.bytes = new byte[Math.max(16, capacity)];
	}

	void write(int value) {
		ensure(1);
		this.bytes[this.length++] = (byte) value;
	}

	void write(byte[] data) {
		write(data, 0, data.length);
	}

	void write(byte[] data, int offset, int count) {
		ensure(count);
		System.arraycopy(data, offset, this.bytes, this.length, count);
		this.length += count;
	}

	/** An unsigned variable-length long: seven bits a byte, low first. */
	void varlong(long value) {
		ensure(10);
		while ((value & ~0x7FL) != 0) {
			this.bytes[this.length++] = (byte) ((value & 0x7F) | 0x80);
			value >>>= 7;
		}
		this.bytes[this.length++] = (byte) value;
	}

	void signed(long value) {
		varlong(Codes.zigzag(value));
	}

	void int32(int value) {
		ensure(4);
		this.bytes[this.length++] = (byte) (value >>> 24);
		this.bytes[this.length++] = (byte) (value >>> 16);
		this.bytes[this.length++] = (byte) (value >>> 8);
		this.bytes[this.length++] = (byte) value;
	}

	void int64(long value) {
		int32((int) (value >>> 32));
		int32((int) value);
	}

	void string(String value) {
		byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
		varlong(utf8.length);
		write(utf8);
	}

	/** A bit stream: its encoding, its length in bits, then its bytes. */
	void stream(int order, int table, BitOutput bits) {
		stream(order, table, 0, 1, bits);
	}

	/**
	 * A stream of values stored as {@code (value - base) / divisor}: the divisor is the greatest
	 * common divisor of a column's steps (memory moves in whole kilobytes, a disk's usage in blocks).
	 */
	void stream(int order, int table, long base, long divisor, BitOutput bits) {
		boolean scaled = divisor != 1 || base != 0;
		write(order | (scaled ? SCALED : 0));
		write(table);
		if (scaled) {
			signed(base);
			varlong(divisor);
		}
		varlong(bits.bits());
		write(bits.toBytes());
	}

	/** Flag on a stream's order: a base and a divisor follow. */
	static final int SCALED = 0x10;

	int length() {
		return this.length;
	}

	void reset() {
		this.length = 0;
	}

	byte[] array() {
		return this.bytes;
	}

	byte[] toArray() {
		return Arrays.copyOf(this.bytes, this.length);
	}

	private void ensure(int more) {
		if (this.length + more > this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes, Math.max(this.length + more, this.bytes.length * 2));
		}
	}

	/** Reads what {@link Bytes} wrote; anything out of bounds is a {@link CorruptBlockException}. */
	static final class Reader {

		private final byte[] bytes;

		private final int end;

		private int position;

		Reader(byte[] bytes) {
			this(bytes, 0, bytes.length);
		}

		Reader(byte[] bytes, int offset, int length) {
			this.bytes = bytes;
			this.position = offset;
			this.end = offset + length;
		}

		int read() {
			need(1);
			return this.bytes[this.position++] & 0xFF;
		}

		long varlong() {
			long value = 0;
			for (int shift = 0; shift < 64; shift += 7) {
				int b = read();
				value |= (long) (b & 0x7F) << shift;
				if ((b & 0x80) == 0) {
					return value;
				}
			}
			throw new CorruptBlockException("a number runs past 64 bits");
		}

		int varint(int max) {
			long value = varlong();
			if (value < 0 || value > max) {
				throw new CorruptBlockException("a count of " + value + " is out of range (at most " + max + ")");
			}
			return (int) value;
		}

		long signed() {
			return Codes.unzigzag(varlong());
		}

		int int32() {
			return (read() << 24) | (read() << 16) | (read() << 8) | read();
		}

		long int64() {
			return ((long) int32() << 32) | (int32() & 0xFFFFFFFFL);
		}

		String string() {
			int length = varint(1 << 20);
			need(length);
			String value = new String(this.bytes, this.position, length, StandardCharsets.UTF_8);
			this.position += length;
			return value;
		}

		/** A stream written by {@link Bytes#stream}: returns its order, table and a reader over its bits. */
		Stream stream() {
			int flags = read();
			int order = flags & ~SCALED;
			int table = read();
			if (order < 1 || order > 2 || table >= Codes.TABLES.length) {
				throw new CorruptBlockException("unknown stream encoding " + flags + "/" + table);
			}
			long base = 0;
			long divisor = 1;
			if ((flags & SCALED) != 0) {
				base = signed();
				divisor = varlong();
				if (divisor < 1) {
					throw new CorruptBlockException("a stream divisor of " + divisor);
				}
			}
			long bits = varlong();
			if (bits < 0 || bits > (long) Integer.MAX_VALUE * 8) {
				throw new CorruptBlockException("a stream of " + bits + " bits");
			}
			int length = (int) ((bits + 7) >>> 3);
			need(length);
			Stream stream = new Stream(order, table, base, divisor, this.bytes, this.position, length, bits);
			this.position += length;
			return stream;
		}

		boolean more() {
			return this.position < this.end;
		}

		int position() {
			return this.position;
		}

		private void need(int count) {
			if (count < 0 || this.position + count > this.end) {
				throw new CorruptBlockException("a record ends early: " + count + " more bytes needed at " + this.position);
			}
		}

	}

	/**
	 * An encoded stream inside a block, decoded only when asked for.
	 *
	 * @param order 1 or 2
	 * @param table index of its width classes
	 * @param base added to every value read
	 * @param divisor every value read is multiplied by it first
	 * @param bytes the block
	 * @param offset where the stream starts
	 * @param length its bytes
	 * @param bits its bits
	 */
	record Stream(int order, int table, long base, long divisor, byte[] bytes, int offset, int length, long bits) {

		Column decode(int count) {
			Column column = ValueEncoder.decode(BitInput.of(this.bytes, this.offset, this.length, this.bits), count,
					this.order, this.table);
			if (this.base != 0 || this.divisor != 1) {
				for (int i = 0; i < column.size; i++) {
					if (column.kinds[i] == Column.VALUE) {
						column.numbers[i] = this.base + column.numbers[i] * this.divisor;
					}
				}
			}
			return column;
		}

	}

}
