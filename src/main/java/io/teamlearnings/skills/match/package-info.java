/**
 * Update or create: how a lesson relates to the skills already there (trigger-intent
 * similarity, workflow overlap, scope-dilution risk), the seed's decision between
 * updating the strongest related skill, creating one, extracting a workflow fragment that
 * several skills repeat, and wrapping an external skill; and the fragments themselves.
 */
package io.teamlearnings.skills.match;
