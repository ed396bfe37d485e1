/**
 * Learnings: the canonical {@code .learnings.jsonl} store of each repository, its H2
 * index, and the HTTP API to append and browse rows. The file is the record; the index is
 * derived from it and can always be rebuilt.
 */
package io.teamlearnings.learnings;
