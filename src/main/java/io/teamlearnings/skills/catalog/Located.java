package io.teamlearnings.skills.catalog;

import java.nio.file.Path;

/**
 * A skill directory a request named, found inside a skill root.
 *
 * @param root the root it is in
 * @param name its path below the root ({@code my-skill}; deeper for an absolute path that
 * names a directory further down)
 * @param dir its absolute directory, which may not exist
 */
public record Located(SkillRoot root, String name, Path dir) {

}
