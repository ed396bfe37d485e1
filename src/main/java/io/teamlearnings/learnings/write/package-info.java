/**
 * Writing rows: the write decision (duplicates, near-duplicates, chain heads), group
 * commit, supersede, withdraw, share, import and export, and their API.
 */
package io.teamlearnings.learnings.write;
