package io.teamlearnings.learnings.semantic;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The embedded rows of one generation of a repository's index, in memory: line numbers,
 * the int8 vectors back to back, and each vector's sign bits (binary quantization, one
 * bit a dimension) for a fast first pass. One writer, the {@link EmbeddingWorker}, adds
 * rows; any number of readers search them at the same time without a lock: a reader takes
 * the published {@link #size()} and reads that many rows, which the writer never changes
 * again.
 * <p>
 * The writer's walk through the generation is kept here too: the line ranges still to
 * visit, newest first, so that rows appended later are visited before older ones still
 * waiting and no row is visited twice.
 */
final class Vectors {

	private final long generation;

	private final int dimensions;

	private final int words;

	/** The arrays, replaced by larger copies as rows are added. */
	private volatile Block block;

	/** Rows published to readers; written after the row's data. */
	private volatile int size;

	/** Whether every row the generation had when a walk began has been visited. */
	private volatile boolean walked;

	/** The line ranges {@code (low, high]} still to visit, the newest on top. */
	private final Deque<long[]> ranges = new ArrayDeque<>();

	/** The highest line a walk has been extended to. */
	private long walkedUpTo;

	private record Block(long[] lines, byte[] vectors, long[] bits) {
	}

	/**
	 * @param generation the index generation the rows belong to
	 * @param dimensions the model's dimensions
	 * @param capacity rows to make room for at first (the generation's row count)
	 */
	Vectors(long generation, int dimensions, int capacity) {
		this.generation = generation;
		this.dimensions = dimensions;
		this.words = (dimensions + 63) / 64;
		int rows = Math.max(capacity, 16);
		this.block = new Block(new long[rows], new byte[rows * dimensions], new long[rows * this.words]);
	}

	long generation() {
		return this.generation;
	}

	int size() {
		return this.size;
	}

	boolean walked() {
		return this.walked;
	}

	/**
	 * What a row takes: its vector, its sign bits and its line number.
	 * @return 440 bytes for 384 dimensions
	 */
	static long bytesPerRow(int dimensions) {
		return dimensions + ((dimensions + 63) / 64) * 8L + 8;
	}

	/** Bytes the arrays take (allocated, not only used). */
	long bytes() {
		Block current = this.block;
		return current.lines().length * 8L + current.vectors().length + current.bits().length * 8L;
	}

	/**
	 * Adds a row. Only the worker calls this, one row at a time.
	 * @param line its line number
	 * @param vector its int8 vector of {@code dimensions} bytes
	 */
	void add(long line, byte[] vector) {
		if (vector.length != this.dimensions) {
			throw new IllegalArgumentException(
					"Vector of " + vector.length + " dimensions, expected " + this.dimensions);
		}
		int at = this.size;
		Block current = this.block;
		if (at == current.lines().length) {
			int grown = at + Math.max(at / 4, 16);
			current = new Block(java.util.Arrays.copyOf(current.lines(), grown),
					java.util.Arrays.copyOf(current.vectors(), grown * this.dimensions),
					java.util.Arrays.copyOf(current.bits(), grown * this.words));
			this.block = current;
		}
		current.lines()[at] = line;
		System.arraycopy(vector, 0, current.vectors(), at * this.dimensions, this.dimensions);
		signBits(vector, current.bits(), at * this.words);
		this.size = at + 1;
	}

	/** One bit a dimension, set where the dimension is positive. */
	static void signBits(byte[] vector, long[] into, int offset) {
		for (int i = 0; i < vector.length; i++) {
			if (vector[i] > 0) {
				into[offset + (i >>> 6)] |= 1L << (i & 63);
			}
		}
	}

	/**
	 * A consistent view of the rows published so far.
	 * @return the rows a reader may search
	 */
	View view() {
		int rows = this.size;
		Block current = this.block;
		return new View(rows, current.lines(), current.vectors(), current.bits(), this.dimensions, this.words);
	}

	/**
	 * The first {@code size} rows of the arrays.
	 *
	 * @param size rows to read
	 * @param lines line numbers
	 * @param vectors int8 vectors, {@code dimensions} bytes each
	 * @param bits sign bits, {@code words} longs each
	 * @param dimensions bytes a vector
	 * @param words longs of sign bits a vector
	 */
	record View(int size, long[] lines, byte[] vectors, long[] bits, int dimensions, int words) {
	}

	// the walk (worker thread only)

	/**
	 * Makes the walk cover the rows up to {@code lastLine}: lines above what it covered
	 * become the next range to visit.
	 * @param lastLine the generation's highest line number now
	 */
	void extendWalk(long lastLine) {
		if (lastLine > this.walkedUpTo) {
			this.ranges.push(new long[] { this.walkedUpTo, lastLine });
			this.walkedUpTo = lastLine;
		}
		// a generation without rows is walked as soon as it is looked at
		markWalkedIfDone();
	}

	/**
	 * The range to visit next, {@code {low, high}} (low exclusive, high inclusive), or
	 * null when the walk is done.
	 */
	long[] nextRange() {
		return this.ranges.peek();
	}

	/**
	 * Records that the lines of {@code range}, still the current range, down to
	 * {@code line} were visited: the range shrinks to the lines below, and is done when
	 * none are left. Once done (or when a newer range went on top), nothing changes.
	 * @param range a range {@link #nextRange()} gave
	 * @param line the lowest line visited
	 */
	void visitedDownTo(long[] range, long line) {
		if (this.ranges.peek() == range && line - 1 < range[1]) {
			range[1] = line - 1;
			if (range[1] <= range[0]) {
				this.ranges.pop();
			}
		}
		markWalkedIfDone();
	}

	private void markWalkedIfDone() {
		if (this.ranges.isEmpty()) {
			this.walked = true;
		}
	}

}
