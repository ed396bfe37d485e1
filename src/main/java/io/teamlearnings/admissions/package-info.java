/**
 * Memory admissions: the gate that decides whether a canonical learning deserves a place
 * in long-term agent memory, and the immutable memory-source notes written to disk for
 * those that pass, and when they are later superseded or withdrawn.
 */
package io.teamlearnings.admissions;
