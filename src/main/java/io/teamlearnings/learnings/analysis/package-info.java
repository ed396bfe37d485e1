/**
 * Text analysis for recall and similarity: code-aware English terms (identifiers split
 * and kept whole, stemming, stop words) and the per-field term vectors the index stores.
 */
package io.teamlearnings.learnings.analysis;
