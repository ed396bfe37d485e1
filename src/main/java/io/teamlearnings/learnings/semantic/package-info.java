/**
 * Semantic recall: each row's text embedded by a small in-process English model, in the
 * background after each sync (newest rows first), kept as derived data in H2 and, per
 * repository, in memory as one byte a dimension; and the nearest rows to a query by
 * cosine similarity, which recall fuses with its lexical ranking.
 */
package io.teamlearnings.learnings.semantic;
