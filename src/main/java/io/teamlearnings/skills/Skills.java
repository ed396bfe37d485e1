package io.teamlearnings.skills;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.teamlearnings.learnings.CanonicalLearning;
import io.teamlearnings.learnings.LearningLookup;
import io.teamlearnings.repos.Repo;
import io.teamlearnings.repos.Repositories;
import io.teamlearnings.security.AccessPolicy;
import io.teamlearnings.skills.catalog.Inventory;
import io.teamlearnings.skills.catalog.Located;
import io.teamlearnings.skills.catalog.RootKind;
import io.teamlearnings.skills.catalog.Skill;
import io.teamlearnings.skills.catalog.SkillCatalog;
import io.teamlearnings.skills.catalog.SkillDetail;
import io.teamlearnings.skills.catalog.SkillRoot;
import io.teamlearnings.skills.catalog.SkillRoots;
import io.teamlearnings.skills.catalog.SkillSummary;
import io.teamlearnings.skills.creation.CreatedSkill;
import io.teamlearnings.skills.creation.InitRequest;
import io.teamlearnings.skills.creation.SkillInit;
import io.teamlearnings.skills.match.Fragment;
import io.teamlearnings.skills.match.Lesson;
import io.teamlearnings.skills.match.MatchResult;
import io.teamlearnings.skills.match.Placement;
import io.teamlearnings.skills.match.SkillMatcher;
import io.teamlearnings.skills.validation.QuickValidate;
import io.teamlearnings.skills.validation.SkillFile;
import io.teamlearnings.skills.validation.ValidationReport;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;

/**
 * What the skills API does, over the configured skill roots: every path a request names
 * is resolved inside a root first ({@link SkillRoots}), and a repository's own root is
 * read only by a caller who may read that repository.
 */
@Service
class Skills {

	static final String UPLOAD = "upload:";

	private final SkillRoots roots;

	private final SkillCatalog catalog;

	private final SkillMatcher matcher;

	private final Repositories repositories;

	private final LearningLookup learnings;

	Skills(SkillRoots roots, SkillCatalog catalog, SkillMatcher matcher, Repositories repositories,
			LearningLookup learnings) {
		this.roots = roots;
		this.catalog = catalog;
		this.matcher = matcher;
		this.repositories = repositories;
		this.learnings = learnings;
	}

	/**
	 * Places a lesson among the skills of the roots the caller may read: the candidates
	 * with their measures, and what to do.
	 * @throws UnknownLearningException if the learning named is not in its repository
	 * @throws io.teamlearnings.repos.UnknownRepositoryException if the repository named
	 * is not served
	 */
	MatchResult match(MatchRequest request) {
		Lesson lesson = lesson(request);
		List<Skill> skills = this.catalog.scan(readableRoots()).skills();
		return this.matcher.match(lesson, skills, placement(), request.limitOrDefault());
	}

	/**
	 * Workflow fragments the skills of the readable roots (or of one root or repository)
	 * repeat.
	 * @param root only this root's skills
	 * @param repository only the skills of this repository's project roots
	 * @param minSteps fewest steps in a fragment
	 * @param minSkills fewest skills that repeat it
	 */
	List<Fragment> fragments(@Nullable String root, @Nullable String repository, int minSteps, int minSkills) {
		List<Skill> skills = this.catalog.scan(roots(root, repository)).skills();
		return this.matcher.fragments(skills, minSteps, minSkills);
	}

	private Lesson lesson(MatchRequest request) {
		if (request.repository() != null) {
			// placement depends on it: an unknown one is a mistake, not "no repository"
			this.repositories.require(request.repository());
		}
		int occurrences = (request.occurrences() != null) ? request.occurrences() : 1;
		if (request.learning() != null) {
			String repo = request.learning().repo();
			AccessPolicy.requireReadable(List.of(repo));
			CanonicalLearning learning = this.learnings.find(repo, request.learning().id())
				.orElseThrow(() -> new UnknownLearningException(repo, request.learning().id()));
			String text = learning.learning() + ((learning.application() != null && !learning.application().isBlank())
					? " " + learning.application() : "");
			return new Lesson(text, request.stepsOrEmpty(), "learning " + repo + "/" + learning.id(), repo,
					learning.paths(), Math.max(occurrences, learning.themeIds().size()));
		}
		if (request.signal() != null) {
			MatchRequest.SignalRef signal = request.signal();
			return new Lesson(String.join("\n", signal.evidence()), request.stepsOrEmpty(),
					"signal " + signal.kind() + " " + signal.sessionId(), request.repository(), List.of(), occurrences);
		}
		return new Lesson(request.lesson(), request.stepsOrEmpty(), "lesson", request.repository(), List.of(),
				occurrences);
	}

	/** Each served repository with its project root, and the first shared root. */
	private Placement placement() {
		List<Placement.Project> projects = new ArrayList<>();
		for (Repo repo : this.repositories.all()) {
			SkillRoot project = this.roots.all()
				.stream()
				.filter((root) -> root.kind() == RootKind.PROJECT && repo.name().equals(root.repository()))
				.findFirst()
				.orElse(null);
			projects.add(new Placement.Project(repo.name(), repo.root(), project));
		}
		SkillRoot shared = this.roots.all()
			.stream()
			.filter((root) -> root.kind() == RootKind.SHARED)
			.findFirst()
			.orElse(null);
		return new Placement(projects, shared);
	}

	/**
	 * The skills of the roots the caller may read, filtered.
	 * @param root only this root's
	 * @param repository only the project roots of this repository
	 * @param name only skills whose directory or declared name contains this, case
	 * ignored
	 * @param valid only valid (true) or invalid (false) skills
	 * @throws io.teamlearnings.skills.catalog.UnknownSkillRootException if no root has
	 * that name
	 */
	Inventory inventory(@Nullable String root, @Nullable String repository, @Nullable String name,
			@Nullable Boolean valid) {
		SkillCatalog.Scan scan = this.catalog.scan(roots(root, repository));
		String wanted = (name != null) ? name.toLowerCase(Locale.ROOT) : null;
		List<SkillSummary> skills = scan.skills()
			.stream()
			.filter((skill) -> wanted == null || contains(skill.name(), wanted)
					|| (skill.file().declaredName() != null && contains(skill.file().declaredName(), wanted)))
			.filter((skill) -> valid == null || skill.file().verdict().valid() == valid)
			.map(SkillCatalog::summary)
			.toList();
		return new Inventory(skills, scan.skipped());
	}

	/**
	 * One skill with its front matter, headings and workflow steps.
	 * @throws io.teamlearnings.skills.catalog.SkillNotFoundException if the root has no
	 * such skill
	 */
	SkillDetail detail(String root, String name) {
		Located located = this.roots.skill(root, name);
		requireReadable(located.root());
		Skill skill = this.catalog.read(located);
		return SkillCatalog.detail(skill);
	}

	/**
	 * Creates a skill as {@code init_skill.py} does, in a configured root, then validates
	 * it.
	 * @throws io.teamlearnings.skills.catalog.UnknownSkillRootException if no root has
	 * that name
	 * @throws org.springframework.security.access.AccessDeniedException if the caller may
	 * not write there
	 */
	CreatedSkill create(CreateSkillRequest request) {
		SkillRoot root = this.roots.require(request.root());
		AccessPolicy.requireWriter(root.repository());
		return SkillInit.create(new InitRequest(request.name(), root, request.resourcesOrEmpty(),
				request.withExamples(), request.description(), request.interfaceOrEmpty()));
	}

	/**
	 * The readable roots, or the one asked for, or a repository's.
	 * @throws io.teamlearnings.skills.catalog.UnknownSkillRootException if no root has
	 * that name
	 * @throws io.teamlearnings.repos.UnknownRepositoryException if no repository has that
	 * name
	 * @throws org.springframework.security.access.AccessDeniedException if the root or
	 * repository asked for may not be read
	 */
	private List<SkillRoot> roots(@Nullable String root, @Nullable String repository) {
		if (root != null) {
			requireReadable(this.roots.require(root));
		}
		if (repository != null) {
			this.repositories.require(repository);
			AccessPolicy.requireReadable(List.of(repository));
		}
		return readableRoots().stream()
			.filter((candidate) -> root == null || candidate.name().equals(root))
			.filter((candidate) -> repository == null || repository.equals(candidate.repository()))
			.toList();
	}

	/** The roots whose skills the current caller may read. */
	List<SkillRoot> readableRoots() {
		List<String> readable = AccessPolicy.readable(this.roots.all()
			.stream()
			.map(SkillRoot::repository)
			.filter((repository) -> repository != null)
			.toList());
		return this.roots.all()
			.stream()
			.filter((root) -> root.repository() == null || readable.contains(root.repository()))
			.toList();
	}

	private static boolean contains(String text, String wanted) {
		return text.toLowerCase(Locale.ROOT).contains(wanted);
	}

	/**
	 * Validates the skills a request names, as {@code quick_validate.py} does.
	 * @throws io.teamlearnings.skills.catalog.RefusedSkillPathException if a path is
	 * outside the roots (nothing is read)
	 */
	ValidationReport validate(ValidateRequest request) {
		List<Located> located = new ArrayList<>();
		List<String> paths = request.pathsOrEmpty();
		for (int i = 0; i < paths.size(); i++) {
			Located skill = this.roots.locate(paths.get(i), "paths[" + i + "]");
			requireReadable(skill.root());
			located.add(skill);
		}
		List<ValidationReport.Result> results = new ArrayList<>();
		for (Located skill : located) {
			String shown = skill.dir().toString();
			SkillFile file = QuickValidate.read(skill.dir(), shown);
			results.add(new ValidationReport.Result(shown, resolved(skill.dir()), skill.root().name(), skill.name(),
					file.verdict().valid(), file.verdict().message()));
		}
		for (ValidateRequest.Upload upload : request.uploadsOrEmpty()) {
			results.add(upload(upload.name(), QuickValidate.check(upload.content())));
		}
		return ValidationReport.of(results);
	}

	/** Validates one uploaded {@code SKILL.md}, given as its bytes. */
	ValidationReport validate(byte[] skillMd) {
		return ValidationReport.of(List.of(upload("SKILL.md", QuickValidate.check(skillMd))));
	}

	private static ValidationReport.Result upload(String name, SkillFile file) {
		return new ValidationReport.Result(UPLOAD + name, UPLOAD + name, null, name, file.verdict().valid(),
				file.verdict().message());
	}

	private static String resolved(Path dir) {
		try {
			return Files.exists(dir) ? dir.toRealPath().toString() : dir.toString();
		}
		catch (IOException ex) {
			return dir.toString();
		}
	}

	private static void requireReadable(SkillRoot root) {
		if (root.repository() != null) {
			AccessPolicy.requireReadable(List.of(root.repository()));
		}
	}

}
