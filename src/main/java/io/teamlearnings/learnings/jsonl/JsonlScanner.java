package io.teamlearnings.learnings.jsonl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Streams the complete lines of a JSONL file from a byte offset, with their line numbers
 * and offsets, in constant memory. A last line without its newline is not a line yet: its
 * length is reported as the torn tail and it is left for a later scan.
 */
public final class JsonlScanner {

	private static final int BUFFER_SIZE = 1 << 16;

	private JsonlScanner() {
	}

	/**
	 * A complete line.
	 *
	 * @param number 1-based line number in the file
	 * @param offset byte offset of the line's first byte
	 * @param bytes the line without its {@code \n}
	 */
	public record RawLine(long number, long offset, byte[] bytes) {
	}

	/**
	 * Where a scan stopped.
	 *
	 * @param endOffset offset just past the last complete line
	 * @param nextLineNumber number the next complete line will get
	 * @param tornBytes bytes after the last newline (a line still being written, or torn)
	 */
	public record ScanEnd(long endOffset, long nextLineNumber, long tornBytes) {
	}

	/** Receives each complete line a scan reads, in file order. */
	@FunctionalInterface
	public interface LineSink {

		void accept(RawLine line);

	}

	/**
	 * Scans from {@code offset} (which must start a line) to the end of the file. A
	 * missing file reads as empty.
	 */
	public static ScanEnd scan(Path file, long offset, long firstLineNumber, LineSink sink) throws IOException {
		if (!Files.exists(file)) {
			return new ScanEnd(0, 1, 0);
		}
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
			byte[] pending = new byte[256];
			int pendingLength = 0;
			long position = offset;
			long lineStart = offset;
			long lineNumber = firstLineNumber;
			channel.position(offset);
			while (channel.read(buffer) > 0) {
				buffer.flip();
				byte[] chunk = buffer.array();
				int limit = buffer.limit();
				int from = 0;
				for (int i = 0; i < limit; i++) {
					if (chunk[i] != '\n') {
						continue;
					}
					int length = i - from;
					byte[] line = new byte[pendingLength + length];
					System.arraycopy(pending, 0, line, 0, pendingLength);
					System.arraycopy(chunk, from, line, pendingLength, length);
					sink.accept(new RawLine(lineNumber++, lineStart, line));
					pendingLength = 0;
					lineStart = position + i + 1;
					from = i + 1;
				}
				int rest = limit - from;
				if (rest > 0) {
					if (pendingLength + rest > pending.length) {
						pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + rest));
					}
					System.arraycopy(chunk, from, pending, pendingLength, rest);
					pendingLength += rest;
				}
				position += limit;
				buffer.clear();
			}
			return new ScanEnd(lineStart, lineNumber, pendingLength);
		}
		catch (NoSuchFileException ex) {
			return new ScanEnd(0, 1, 0);
		}
	}

}
