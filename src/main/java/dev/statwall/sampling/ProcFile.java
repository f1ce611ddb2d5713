package dev.statwall.sampling;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Reads small files under /proc and /sys into one reused buffer and parses numbers straight from
 * the bytes: the probe reads dozens of them every second, so no lines or strings are made.
 * <p>
 * Not thread-safe; each reader owns one.
 */
final class ProcFile {

	/** Powers of ten a double holds exactly. */
	private static final double[] POWERS_OF_TEN = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
			1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };

	/** Whole numbers up to 2^53 are exact in a double. */
	private static final long EXACT_DIGITS = 1L << 53;

	private byte[] buffer;

	private int length;

	private int position;

	ProcFile(int capacity) {
		this.buffer = new byte[capacity];
	}

	/** Loads the file, or returns {@code false} if it is gone (a process that has exited). */
	boolean load(String path) {
		try (FileInputStream in = new FileInputStream(path)) {
			int total = 0;
			int read;
			// /proc hands out at most a page per read; loop until the end
			while ((read = in.read(this.buffer, total, this.buffer.length - total)) > 0) {
				total += read;
				if (total == this.buffer.length) {
					this.buffer = Arrays.copyOf(this.buffer, this.buffer.length * 2);
				}
			}
			this.length = total;
			this.position = 0;
			return true;
		}
		catch (IOException ex) {
			this.length = 0;
			this.position = 0;
			return false;
		}
	}

	/** Loads a file that must be there, such as /proc/stat. */
	ProcFile require(String path) {
		if (!load(path)) {
			throw new UncheckedIOException(new IOException(path + " cannot be read"));
		}
		return this;
	}

	boolean atEnd() {
		return this.position >= this.length;
	}

	int position() {
		return this.position;
	}

	void position(int position) {
		this.position = position;
	}

	int length() {
		return this.length;
	}

	byte byteAt(int index) {
		return this.buffer[index];
	}

	/** Whether the text at the current position starts with {@code prefix} (ASCII). */
	boolean startsWith(String prefix) {
		int n = prefix.length();
		if (this.position + n > this.length) {
			return false;
		}
		for (int i = 0; i < n; i++) {
			if (this.buffer[this.position + i] != prefix.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	/** Moves past the next line break; returns {@code false} at the end. */
	boolean nextLine() {
		while (this.position < this.length) {
			if (this.buffer[this.position++] == '\n') {
				return this.position < this.length;
			}
		}
		return false;
	}

	void skip(int count) {
		this.position = Math.min(this.length, this.position + count);
	}

	/** Skips spaces and tabs, not line breaks. */
	void skipBlanks() {
		while (this.position < this.length && (this.buffer[this.position] == ' ' || this.buffer[this.position] == '\t')) {
			this.position++;
		}
	}

	/** Skips {@code count} blank-separated fields on this line. */
	void skipFields(int count) {
		for (int i = 0; i < count; i++) {
			skipBlanks();
			while (this.position < this.length && !isBlankOrEnd(this.buffer[this.position])) {
				this.position++;
			}
		}
	}

	/**
	 * The next unsigned integer on this line, or -1 if the line has no more; non-digit characters
	 * before it (but not a line break) are skipped.
	 */
	long nextLong() {
		while (this.position < this.length) {
			byte b = this.buffer[this.position];
			if (b == '\n') {
				return -1;
			}
			if (b >= '0' && b <= '9') {
				break;
			}
			this.position++;
		}
		if (this.position >= this.length) {
			return -1;
		}
		long value = 0;
		while (this.position < this.length) {
			byte b = this.buffer[this.position];
			if (b < '0' || b > '9') {
				break;
			}
			value = value * 10 + (b - '0');
			this.position++;
		}
		return value;
	}

	/**
	 * The next unsigned decimal number such as {@code 0.52}, or NaN if the line has no more. Read
	 * exactly, as {@link Double#parseDouble} would: its digits make one whole number, divided once
	 * by a power of ten. Adding up the digits' fractions instead gives 18.259999999999998 for 18.26.
	 */
	double nextDouble() {
		long whole = nextLong();
		if (whole < 0) {
			return Double.NaN;
		}
		if (this.position >= this.length || this.buffer[this.position] != '.') {
			return whole;
		}
		this.position++;
		long digits = whole;
		int decimals = 0;
		while (this.position < this.length) {
			byte b = this.buffer[this.position];
			if (b < '0' || b > '9') {
				break;
			}
			// digits beyond what a double holds (sixteen or so) cannot change it; they are skipped
			if (decimals < POWERS_OF_TEN.length - 1 && digits <= (EXACT_DIGITS - 9) / 10) {
				digits = digits * 10 + (b - '0');
				decimals++;
			}
			this.position++;
		}
		// both exact in a double, so the one division is correctly rounded
		return digits / POWERS_OF_TEN[decimals];
	}

	/** The text from here up to (not including) {@code end} or a line break; moves past {@code end}. */
	String nextUntil(char end) {
		int start = this.position;
		while (this.position < this.length && this.buffer[this.position] != end && this.buffer[this.position] != '\n') {
			this.position++;
		}
		String text = text(start, this.position);
		if (this.position < this.length && this.buffer[this.position] == end) {
			this.position++;
		}
		return text;
	}

	/** The next blank-separated word on this line. */
	String nextWord() {
		skipBlanks();
		int start = this.position;
		while (this.position < this.length && !isBlankOrEnd(this.buffer[this.position])) {
			this.position++;
		}
		return text(start, this.position);
	}

	/** Index of the last {@code b} in the file, or -1. */
	/** A hash of the bytes from {@code start} to {@code end}, to tell a change without making a string. */
	int hash(int start, int end) {
		int hash = 1;
		for (int i = Math.max(0, start); i < Math.min(end, this.length); i++) {
			hash = 31 * hash + this.buffer[i];
		}
		return hash;
	}

	int lastIndexOf(char b) {
		for (int i = this.length - 1; i >= 0; i--) {
			if (this.buffer[i] == b) {
				return i;
			}
		}
		return -1;
	}

	/** Index of the first {@code b} at or after {@code from}, or -1. */
	int indexOf(char b, int from) {
		for (int i = from; i < this.length; i++) {
			if (this.buffer[i] == b) {
				return i;
			}
		}
		return -1;
	}

	/** Index of {@code text} at or after {@code from}, or -1. */
	int indexOf(String text, int from) {
		int saved = this.position;
		try {
			for (int i = from; i + text.length() <= this.length; i++) {
				this.position = i;
				if (startsWith(text)) {
					return i;
				}
			}
			return -1;
		}
		finally {
			this.position = saved;
		}
	}

	/** Bytes {@code [start, end)} as text; UTF-8, invalid bytes replaced. */
	String text(int start, int end) {
		return new String(this.buffer, start, Math.max(0, end - start), java.nio.charset.StandardCharsets.UTF_8);
	}

	/** Bytes {@code [start, end)} with NUL separators turned into spaces, as ps shows a command line. */
	String textNulAsSpace(int start, int end) {
		for (int i = start; i < end; i++) {
			if (this.buffer[i] == 0) {
				this.buffer[i] = ' ';
			}
		}
		return text(start, end).strip();
	}

	private static boolean isBlankOrEnd(byte b) {
		return b == ' ' || b == '\t' || b == '\n';
	}

}
