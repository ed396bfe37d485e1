/**
 * The canonical file format: the learnings tool's row conventions (labels, fingerprints,
 * ids), reading a {@code .learnings.jsonl} line by line and appending whole lines with
 * {@code fdatasync}.
 */
package io.teamlearnings.learnings.jsonl;
