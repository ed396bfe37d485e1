/**
 * Who may do what: API tokens with a role per repository, checked on every request; with
 * no token configured, loopback callers are trusted and nothing else may listen.
 */
package io.teamlearnings.security;
