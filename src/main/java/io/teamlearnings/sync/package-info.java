/**
 * Git sync: keeps each configured repository's checkout in step with its git remote. The
 * service commits only its own rows of {@code .learnings.jsonl}, merges the remote with
 * git's {@code union} driver and pushes, never forced; its state is at {@code GET
 * /api/repos/{repo}/sync}. Uses the learnings module's {@code StoreAccess} for the
 * store's locks; implements the repositories module's {@code GitSyncStatus}.
 */
package io.teamlearnings.sync;
