package io.teamlearnings.learnings.index;

import java.util.List;

/**
 * What a view of a row needs from the index: where the row's line lies in the file, the
 * line's SHA-256 as indexed, and the ids of the rows that supersede it.
 *
 * @param lineNo the row's line number, from 1
 * @param byteOffset where its line starts in the file, in bytes
 * @param byteLength the line's length in bytes, without its newline
 * @param lineSha256 SHA-256 of the line as indexed (32 bytes)
 * @param id the row's id
 * @param supersededBy ids of the rows that supersede it, in file order
 */
record LocatedRow(long lineNo, long byteOffset, int byteLength, byte[] lineSha256, String id,
		List<String> supersededBy) {

	/** The ids of a comma-separated {@code superseded_by} column. */
	static List<String> supersededBy(String column) {
		return column.isEmpty() ? List.of() : List.of(column.split(","));
	}

}
