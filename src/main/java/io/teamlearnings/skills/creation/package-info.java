/**
 * Skill creation as skill-creator's {@code init_skill.py} does it (openai/skills
 * {@code skills/.system/skill-creator/scripts/init_skill.py} at 1734b3ed, with
 * {@code generate_openai_yaml.py} at 3a5b2a16): the same name normalisation and limits,
 * the same files from the same templates, never over an existing directory, always inside
 * a configured skill root.
 */
package io.teamlearnings.skills.creation;
