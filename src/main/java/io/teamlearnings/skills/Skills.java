package io.teamlearnings.skills;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.teamlearnings.security.AccessPolicy;
import io.teamlearnings.skills.catalog.Located;
import io.teamlearnings.skills.catalog.SkillRoot;
import io.teamlearnings.skills.catalog.SkillRoots;
import io.teamlearnings.skills.validation.QuickValidate;
import io.teamlearnings.skills.validation.SkillFile;
import io.teamlearnings.skills.validation.ValidationReport;

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

	Skills(SkillRoots roots) {
		this.roots = roots;
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
