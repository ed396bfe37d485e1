/**
 * Browsing a repository's rows from the index: filtered pages, the newest rows, one row.
 */
package io.teamlearnings.learnings.browse;
