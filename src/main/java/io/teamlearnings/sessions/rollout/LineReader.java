package io.teamlearnings.sessions.rollout;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.springframework.lang.Nullable;

/**
 * The lines of a byte stream, broken at LF, CR LF or CR (bytes that never occur inside a
 * UTF-8 sequence, so lines are found before decoding and an invalid byte costs only its
 * own line), as Python's text reader splits them for the seed's extractor. Memory is
 * bounded by the longest line kept: a line longer than {@code maxLineBytes} is counted to
 * its end but not kept. The stream is read in 64 KiB chunks; the caller closes it.
 */
final class LineReader {

	private static final int CHUNK = 64 * 1024;

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final long ONES = 0x0101010101010101L;

	private static final long HIGHS = 0x8080808080808080L;

	private static final long LINE_FEEDS = ONES * '\n';

	private static final long CARRIAGE_RETURNS = ONES * '\r';

	private final InputStream in;

	private final long maxLineBytes;

	private final byte[] chunk;

	private int position;

	private int limit;

	private boolean skipLineFeed;

	private boolean ended;

	private byte[] line = new byte[256];

	private long number;

	LineReader(InputStream in, long maxLineBytes) {
		this(in, maxLineBytes, CHUNK);
	}

	/** A reader with another chunk size: tests use tiny ones to cross chunk borders. */
	LineReader(InputStream in, long maxLineBytes, int chunkSize) {
		this.in = in;
		this.maxLineBytes = maxLineBytes;
		this.chunk = new byte[chunkSize];
	}

	/**
	 * One line.
	 *
	 * @param number its number, from 1
	 * @param bytes its bytes (without the break) when it was kept, in
	 * {@code bytes[0, size)}; the array is reused by the next call
	 * @param size its length in bytes, the break not counted
	 * @param kept false when it is longer than the limit and its bytes were dropped
	 * @param terminated whether a line break ends it (false only for the last line)
	 */
	record Line(long number, byte[] bytes, long size, boolean kept, boolean terminated) {
	}

	/** The next line, or null at the end of the stream. */
	@Nullable
	Line next() throws IOException {
		if (this.ended) {
			return null;
		}
		long size = 0;
		while (true) {
			if (this.position == this.limit && !fill()) {
				this.ended = true;
				return new Line(++this.number, this.line, size, size <= this.maxLineBytes, false);
			}
			if (this.skipLineFeed) {
				this.skipLineFeed = false;
				if (this.chunk[this.position] == '\n') {
					this.position++;
					continue;
				}
			}
			int start = this.position;
			int end = start;
			while (end + Long.BYTES <= this.limit && !hasBreak((long) LONGS.get(this.chunk, end))) {
				end += Long.BYTES;
			}
			while (end < this.limit && this.chunk[end] != '\n' && this.chunk[end] != '\r') {
				end++;
			}
			size = keep(start, end, size);
			if (end < this.limit) {
				this.skipLineFeed = this.chunk[end] == '\r';
				this.position = end + 1;
				return new Line(++this.number, this.line, size, size <= this.maxLineBytes, true);
			}
			this.position = end;
		}
	}

	/**
	 * Whether any of the 8 bytes of {@code word} is LF or CR: the "has a zero byte" test
	 * of each byte XOR-ed with the break, exact for whether there is one. Scanning a word
	 * at a time reads long lines (a 2 GiB one too) several times faster than byte by
	 * byte.
	 */
	private static boolean hasBreak(long word) {
		long lf = word ^ LINE_FEEDS;
		long cr = word ^ CARRIAGE_RETURNS;
		return ((((lf - ONES) & ~lf) | ((cr - ONES) & ~cr)) & HIGHS) != 0;
	}

	private long keep(int start, int end, long size) {
		int count = end - start;
		long total = size + count;
		if (total <= this.maxLineBytes) {
			if (total > this.line.length) {
				this.line = Arrays.copyOf(this.line, (int) Math.min(Math.max(total, this.line.length * 2L),
						Math.min(this.maxLineBytes, Integer.MAX_VALUE - 16)));
			}
			System.arraycopy(this.chunk, start, this.line, (int) size, count);
		}
		return total;
	}

	private boolean fill() throws IOException {
		int read = this.in.read(this.chunk, 0, this.chunk.length);
		while (read == 0) {
			read = this.in.read(this.chunk, 0, this.chunk.length);
		}
		if (read < 0) {
			return false;
		}
		this.position = 0;
		this.limit = read;
		return true;
	}

}
