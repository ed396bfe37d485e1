/**
 * Memory-source notes exactly as the {@code memory-note} tool writes and reads them
 * (tkersey/skills-zig {@code apps/memory-note/scripts/memory_note.zig}): the input it
 * takes and the inputs it refuses, the one line of JSON it writes for a note, the file
 * name, the fingerprint and id, its lock file, and which files in a notes directory are
 * notes. Plain classes, no Spring: the admissions feature wires them to its settings.
 */
package io.teamlearnings.admissions.notes;
