package io.teamlearnings.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a text/plain extract ({@code GET /api/sessions/extract}, the seed's format) held,
 * read line by line from its stream so that a large answer is never held whole: the
 * sessions found, each with its file and the tags of its message blocks in order.
 *
 * @param found the {@code RECENT_CONVERSATIONS_FOUND} header, 0 when the answer was
 * {@code NO_RECENT_CONVERSATIONS} or had no header
 * @param sessions the {@code === SESSION n ===} sections in order
 * @param bytes the answer's length in bytes (UTF-8, line breaks as LF)
 */
record TextExtract(int found, List<Session> sessions, long bytes) {

	TextExtract {
		sessions = List.copyOf(sessions);
	}

	/**
	 * One session of the extract.
	 *
	 * @param file its {@code FILE=} line
	 * @param tags {@code USER} or {@code ASSISTANT} for each message block, in order
	 */
	record Session(String file, List<String> tags) {

		Session {
			tags = List.copyOf(tags);
		}

	}

	/** {@code [USER]} and {@code [ASSISTANT]} blocks over all sessions. */
	long blocks() {
		return this.sessions.stream().mapToLong((session) -> session.tags().size()).sum();
	}

	/** The session read from {@code file}, if the extract has it. */
	Session session(String file) {
		return this.sessions.stream().filter((session) -> session.file().equals(file)).findFirst().orElse(null);
	}

	/** Reads an extract to its end and closes the stream. */
	static TextExtract read(InputStream in) throws IOException {
		int found = 0;
		List<Session> sessions = new ArrayList<>();
		String file = null;
		List<String> tags = new ArrayList<>();
		long bytes = 0;
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
			String line;
			while ((line = reader.readLine()) != null) {
				bytes += utf8Length(line) + 1;
				if (line.startsWith("RECENT_CONVERSATIONS_FOUND=")) {
					found = Integer.parseInt(line.substring(line.indexOf('=') + 1));
				}
				else if (line.startsWith("=== SESSION ") && line.endsWith(" ===")) {
					if (file != null) {
						sessions.add(new Session(file, tags));
					}
					file = "";
					tags = new ArrayList<>();
				}
				else if (file != null && file.isEmpty() && line.startsWith("FILE=")) {
					file = line.substring("FILE=".length());
				}
				else if (line.equals("[USER]") || line.equals("[ASSISTANT]")) {
					tags.add(line.substring(1, line.length() - 1));
				}
			}
		}
		if (file != null) {
			sessions.add(new Session(file, tags));
		}
		return new TextExtract(found, sessions, bytes);
	}

	private static long utf8Length(String line) {
		long length = 0;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			length += (c < 0x80) ? 1 : (c < 0x800) ? 2 : Character.isSurrogate(c) ? 2 : 3;
		}
		return length;
	}

}
