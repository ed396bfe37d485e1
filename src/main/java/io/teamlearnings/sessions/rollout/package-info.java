/**
 * Reading one Codex rollout file (plain {@code .jsonl} or zstd-compressed
 * {@code .jsonl.zst}) as a stream of lines with bounded memory: the session it is, its
 * conversation, tool calls, compactions and the lines it could not use. Used by the
 * sessions module only.
 */
package io.teamlearnings.sessions.rollout;
