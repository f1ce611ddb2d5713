package dev.statwall.series;

/** Reads bits written by {@link BitOutput}, most significant first. */
final class BitInput {

	private final long[] words;

	private final long limit;

	private long position;

	BitInput(long[] words, long limit) {
		this.words = words;
		this.limit = limit;
	}

	static BitInput of(byte[] bytes, int offset, int length, long bits) {
		long[] words = new long[(length + 7) / 8 + 1];
		for (int i = 0; i < length; i++) {
			words[i >>> 3] |= (bytes[offset + i] & 0xFFL) << (56 - ((i & 7) << 3));
		}
		return new BitInput(words, bits);
	}

	long read(int count) {
		if (count == 0) {
			return 0;
		}
		if (this.position + count > this.limit) {
			throw new CorruptBlockException("a stream ends before its values: " + (this.position + count) + " > "
					+ this.limit + " bits");
		}
		int word = (int) (this.position >>> 6);
		int used = (int) (this.position & 63);
		long value;
		int free = 64 - used;
		if (count <= free) {
			value = this.words[word] >>> (free - count);
		}
		else {
			int rest = count - free;
			value = (this.words[word] << rest) | (this.words[word + 1] >>> (64 - rest));
		}
		this.position += count;
		return (count == 64) ? value : value & ((1L << count) - 1);
	}

	boolean readBit() {
		return read(1) != 0;
	}

	/** Counts leading one bits up to {@code max}, consuming them and the terminating zero if any. */
	int ones(int max) {
		int n = 0;
		while (n < max && readBit()) {
			n++;
		}
		return n;
	}

	long position() {
		return this.position;
	}

}
