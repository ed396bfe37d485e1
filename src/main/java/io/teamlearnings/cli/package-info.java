/**
 * The {@code learnings} command: a drop-in for the learnings skill's command-line tool
 * (tkersey/skills-zig {@code apps/learnings/scripts/learnings.zig} and
 * {@code append_learning.zig}) that speaks to this service over HTTP instead of writing
 * {@code .learnings.jsonl} itself. Plain Java (picocli, Jackson's streaming core,
 * {@code java.net.http}); it depends on no Spring class and on no other package of the
 * service, and is built into its own {@code target/learnings-cli.jar}.
 */
package io.teamlearnings.cli;
