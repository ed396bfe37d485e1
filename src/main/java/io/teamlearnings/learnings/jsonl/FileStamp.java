package io.teamlearnings.learnings.jsonl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * What a {@code stat} says of a file: enough to tell cheaply that it has not changed
 * since the index last read it.
 *
 * @param exists whether the file exists
 * @param size its size in bytes
 * @param modifiedNanos its modification time
 * @param fileKey the file system's identity of the file (inode), when known
 */
public record FileStamp(boolean exists, long size, long modifiedNanos, Object fileKey) {

	static final FileStamp MISSING = new FileStamp(false, 0, 0, "");

	/**
	 * The stamp of {@code file} now, following links; {@code exists} false when there is
	 * no file.
	 * @throws IOException if its attributes cannot be read
	 */
	public static FileStamp of(Path file) throws IOException {
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
			Object key = Objects.requireNonNullElse(attributes.fileKey(), "");
			return new FileStamp(true, attributes.size(),
					attributes.lastModifiedTime().toInstant().getEpochSecond() * 1_000_000_000L
							+ attributes.lastModifiedTime().toInstant().getNano(),
					key);
		}
		catch (NoSuchFileException ex) {
			return MISSING;
		}
	}

}
