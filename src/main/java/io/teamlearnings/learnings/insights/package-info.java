/**
 * Views over a whole repository: related rows, the summary and its recurring themes, and
 * the views that follow the learnings command-line tool's own grouping: codify candidates
 * and the memory digest's content.
 */
package io.teamlearnings.learnings.insights;
