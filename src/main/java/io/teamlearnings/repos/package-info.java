/**
 * Repositories the service serves: each a name and a root directory whose
 * {@code .learnings.jsonl} is the canonical learnings store.
 */
package io.teamlearnings.repos;
