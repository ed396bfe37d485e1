/**
 * The quality gate of the {@code learnings} command-line tool: the checks its strict mode
 * makes before a new row is written, with the tool's own {@code quality-error:} and
 * {@code quality-warning:} lines, and the modes that turn it on or off.
 */
package io.teamlearnings.learnings.quality;
