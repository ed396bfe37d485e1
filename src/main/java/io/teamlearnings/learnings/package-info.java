/**
 * Learnings: each repository's canonical {@code .learnings.jsonl}, its derived H2 index,
 * recall and the HTTP API. This root package is the module's API for other modules
 * ({@code LearningLookup}, {@code CanonicalLearning}, {@code LearningSuperseded},
 * {@code SupersessionFollower} and {@code TextTerms}); its sub-packages are internal, one
 * concern each.
 */
package io.teamlearnings.learnings;
