package io.teamlearnings.learnings.jsonl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends rows to a {@code .learnings.jsonl} durably: each row one complete line, written
 * with one {@code write} in append mode and flushed to disk ({@code fdatasync}) before
 * the caller is told it is there. Existing bytes are never touched; if the file ends
 * without a newline (a torn write by someone else), a newline is written first so the new
 * row stands on a line of its own.
 */
public final class LearningLog {

	private LearningLog() {
	}

	/** Appends {@code lines} (each without newline) and forces them to disk. */
	public static void append(Path file, String... lines) throws IOException {
		StringBuilder text = new StringBuilder();
		boolean created = !Files.exists(file);
		if (!created && !endsWithNewline(file)) {
			text.append('\n');
		}
		for (String line : lines) {
			text.append(line).append('\n');
		}
		ByteBuffer bytes = StandardCharsets.UTF_8.encode(text.toString());
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.APPEND)) {
			long before = channel.size();
			try {
				while (bytes.hasRemaining()) {
					channel.write(bytes);
				}
				channel.force(false);
			}
			catch (IOException ex) {
				undo(channel, before, ex);
				throw ex;
			}
		}
		if (created) {
			forceDirectory(file.toAbsolutePath().getParent());
		}
	}

	/** Cuts a failed write (disk full) back off, so no partial line stays behind. */
	private static void undo(FileChannel channel, long size, IOException failure) {
		try {
			if (channel.size() > size) {
				channel.truncate(size);
				channel.force(false);
			}
		}
		catch (IOException ex) {
			failure.addSuppressed(ex);
		}
	}

	private static boolean endsWithNewline(Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			long size = channel.size();
			if (size == 0) {
				return true;
			}
			ByteBuffer last = ByteBuffer.allocate(1);
			channel.read(last, size - 1);
			return last.get(0) == '\n';
		}
	}

	/** Makes a new file's directory entry durable too. */
	private static void forceDirectory(Path directory) throws IOException {
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// some file systems refuse to open directories; the file's own data is
			// already forced
		}
	}

}
