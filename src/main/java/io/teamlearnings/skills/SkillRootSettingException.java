package io.teamlearnings.skills;

/**
 * A configured skill root ({@code learnings.skills.roots[N]}) cannot be used, so the
 * service refuses to start; {@link SkillRootSettingFailureAnalyzer} says which setting
 * and how to fix it.
 */
class SkillRootSettingException extends RuntimeException {

	private final String action;

	private SkillRootSettingException(String message, String action) {
		super(message);
		this.action = action;
	}

	static SkillRootSettingException nameTaken(int index, String name) {
		return new SkillRootSettingException(
				"learnings.skills.roots[" + index + "].name=" + name
						+ " is taken by another skill root or by a served repository's project root.",
				"Give every skill root a name of its own (learnings.skills.roots[N].name); each served repository's "
						+ "project root is named after the repository unless learnings.skills.repository-roots=false.");
	}

	static SkillRootSettingException unknownRepository(int index, String repository) {
		return new SkillRootSettingException(
				"learnings.skills.roots[" + index + "].repository=" + repository + " is not a served repository.",
				"Name a repository of learnings.repos, or leave learnings.skills.roots[" + index + "].repository out.");
	}

	static SkillRootSettingException repositoryOfNonProjectRoot(int index) {
		return new SkillRootSettingException(
				"learnings.skills.roots[" + index + "].repository is set on a root that is not a project root.",
				"Only a project root belongs to a repository: set learnings.skills.roots[" + index
						+ "].kind=project or leave its repository out.");
	}

	/**
	 * @return how to fix the setting
	 */
	String action() {
		return this.action;
	}

}
