/**
 * Skill validation exactly as skill-creator's {@code quick_validate.py} (openai/skills
 * {@code skills/.system/skill-creator/scripts/quick_validate.py} at b56cbed4): its checks
 * in its order with its messages, the file read as Python's text mode reads it, the front
 * matter loaded as PyYAML's {@code safe_load} loads it.
 */
package io.teamlearnings.skills.validation;
