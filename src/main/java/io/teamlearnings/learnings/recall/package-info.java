/**
 * Ranked recall (BM25F with status, recency and path boosts) over an in-memory corpus
 * loaded from the index, near-duplicates, and the recall API.
 */
package io.teamlearnings.learnings.recall;
