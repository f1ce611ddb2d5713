package dev.statwall.series;

import java.util.Arrays;

/** Bits appended most significant first into a growing array of longs. */
final class BitOutput {

	private long[] words;

	private long bits;

	BitOutput(int initialWords) {
		this.words = new long[Math.max(1, initialWords)];
	}

	/** Appends the low {@code count} bits of {@code value}, 0 to 64. */
	void write(long value, int count) {
		if (count == 0) {
			return;
		}
		int word = (int) (this.bits >>> 6);
		int used = (int) (this.bits & 63);
		ensure(word + 2);
		long masked = (count == 64) ? value : value & ((1L << count) - 1);
		int free = 64 - used;
		if (count <= free) {
			this.words[word] |= masked << (free - count);
		}
		else {
			int rest = count - free;
			this.words[word] |= masked >>> rest;
			this.words[word + 1] |= masked << (64 - rest);
		}
		this.bits += count;
	}

	void writeBit(boolean bit) {
		write(bit ? 1 : 0, 1);
	}

	long bits() {
		return this.bits;
	}

	/** The bits written so far, padded with zeros to whole bytes. */
	byte[] toBytes() {
		int length = (int) ((this.bits + 7) >>> 3);
		byte[] bytes = new byte[length];
		for (int i = 0; i < length; i++) {
			bytes[i] = (byte) (this.words[i >>> 3] >>> (56 - ((i & 7) << 3)));
		}
		return bytes;
	}

	/** A reader over what has been written so far; later writes are not seen. */
	BitInput reader() {
		return new BitInput(Arrays.copyOf(this.words, (int) ((this.bits + 63) >>> 6) + 1), this.bits);
	}

	/** Memory this stream holds, for the store's accounting. */
	int capacityBytes() {
		return this.words.length * 8;
	}

	private void ensure(int length) {
		if (length > this.words.length) {
			this.words = Arrays.copyOf(this.words, Math.max(length, this.words.length + (this.words.length >> 1) + 1));
		}
	}

}
