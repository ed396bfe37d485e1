package io.teamlearnings.skills.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The skill roots the service knows, in configuration order: the configured ones first,
 * then each served repository's project root.
 */
public final class SkillRoots {

	private final Map<String, SkillRoot> byName = new LinkedHashMap<>();

	/**
	 * @param roots the roots, names distinct
	 * @throws IllegalArgumentException if two roots have one name
	 */
	public SkillRoots(List<SkillRoot> roots) {
		for (SkillRoot root : roots) {
			if (this.byName.putIfAbsent(root.name(), root) != null) {
				throw new IllegalArgumentException("Two skill roots are named '" + root.name() + "'.");
			}
		}
	}

	/**
	 * @return every root, in order
	 */
	public List<SkillRoot> all() {
		return new ArrayList<>(this.byName.values());
	}

	/**
	 * @param name a root name from a request
	 * @return the root, if one has that name
	 */
	public Optional<SkillRoot> find(String name) {
		return Optional.ofNullable(this.byName.get(name));
	}

	/**
	 * @param name a root name from a request
	 * @return the root with that name
	 * @throws UnknownSkillRootException if none has it
	 */
	public SkillRoot require(String name) {
		SkillRoot root = this.byName.get(name);
		if (root == null) {
			throw new UnknownSkillRootException(name);
		}
		return root;
	}

}
