/**
 * The H2 mirror of each canonical file: syncing it (incrementally, or whole after a
 * rewrite), the per-repository lock ({@code IndexSync}), the one definition of
 * supersession chains, views of rows as written, and the repositories' health API.
 */
package io.teamlearnings.learnings.index;
