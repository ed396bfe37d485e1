package io.teamlearnings.admissions.notes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A notes directory ({@code <codex home>/memories/extensions/learnings/notes/}) shared
 * with the {@code memory-note} tool and anyone else who writes notes. Notes are created,
 * never replaced, edited or deleted.
 */
public final class NoteDirectory {

	private final Path directory;

	private final Path scratch;

	/**
	 * @param directory the notes directory
	 * @param scratch where a note is written before it is linked into the directory: on
	 * the same file system, outside the memories root (whose new files Codex reads)
	 */
	public NoteDirectory(Path directory, Path scratch) {
		this.directory = directory;
		this.scratch = scratch;
	}

	/**
	 * @return the notes directory
	 */
	public Path path() {
		return this.directory;
	}

	/**
	 * @param draft a note
	 * @return where its file is (or would be)
	 */
	public Path file(NoteDraft draft) {
		return this.directory.resolve(draft.fileName());
	}

	/**
	 * Creates the note's file if no file of that name exists. The content is written to a
	 * scratch file, forced to disk, then hard-linked into place, which fails if the name
	 * exists: readers never see half a note, and no file is ever replaced. Like the tool,
	 * the file is readable by its owner only.
	 * @param draft the note
	 * @return false if a file of that name existed (nothing was written)
	 * @throws UncheckedIOException if the directory cannot be written
	 */
	public boolean create(NoteDraft draft) {
		Path target = file(draft);
		try {
			Files.createDirectories(this.directory);
			if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
				return false;
			}
			Files.createDirectories(this.scratch);
			Path temporary = this.scratch.resolve(draft.id() + "." + UUID.randomUUID() + ".tmp");
			try {
				Files.write(temporary, draft.line().getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW,
						StandardOpenOption.WRITE, StandardOpenOption.SYNC);
				ownerOnly(temporary);
				Files.createLink(target, temporary);
				return true;
			}
			catch (FileAlreadyExistsException ex) {
				return false;
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not write note " + draft.id() + " under " + this.directory, ex);
		}
	}

	private static void ownerOnly(Path file) throws IOException {
		if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
	}

	/**
	 * The files the tool would read: regular files (not links) of at most 1 MiB, by name.
	 * @return the files; empty when there is no directory
	 * @throws UncheckedIOException if the directory cannot be listed
	 */
	public List<Path> files() {
		List<Path> files = new ArrayList<>();
		if (!Files.isDirectory(this.directory, LinkOption.NOFOLLOW_LINKS)) {
			return files;
		}
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(this.directory)) {
			for (Path entry : entries) {
				BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class,
						LinkOption.NOFOLLOW_LINKS);
				if (attributes.isRegularFile() && attributes.size() <= NoteDraft.MAX_BYTES) {
					files.add(entry);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not list " + this.directory, ex);
		}
		files.sort(Comparator.comparing((Path file) -> file.getFileName().toString()));
		return files;
	}

	/**
	 * @param file a file of the directory
	 * @return the note it holds; empty if it is not a note or is gone
	 * @throws UncheckedIOException if it exists but cannot be read
	 */
	public Optional<SourceNote> read(Path file) {
		if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
			return Optional.empty();
		}
		try {
			return SourceNote.parse(file, Files.readAllBytes(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read " + file, ex);
		}
	}

}
