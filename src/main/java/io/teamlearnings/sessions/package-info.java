/**
 * Sessions: OpenAI Codex conversation logs (rollout files) read from the local Codex
 * directories and from uploads; recent conversations extracted as the seed's extractor
 * prints them; the moments lessons come from (lesson signals); cleanup of old session
 * files; and the automation runs' memory.
 */
package io.teamlearnings.sessions;
