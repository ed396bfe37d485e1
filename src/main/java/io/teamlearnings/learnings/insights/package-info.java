/**
 * Views over a whole repository: related rows, the summary and its recurring themes.
 */
package io.teamlearnings.learnings.insights;
