package io.teamlearnings.skills;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.lang.Nullable;

/**
 * Skills to validate: paths of skill directories inside the skill roots, uploaded
 * {@code SKILL.md} texts, or both (paths first, in order).
 *
 * @param paths each {@code <root>/<name>} or the skill directory's absolute path, which
 * must lie inside a skill root
 * @param uploads {@code SKILL.md} texts with a name each
 */
@Schema(name = "SkillValidationRequest")
record ValidateRequest(
		@Schema(example = "[\"codex/release-notes\", \"/home/me/src/app/.codex/skills/deploy\"]") @Nullable @Size(
				max = 100) List<@NotBlank @Size(max = 4096) String> paths,
		@Nullable @Size(max = 20) List<@Valid Upload> uploads) {

	/**
	 * An uploaded {@code SKILL.md}.
	 *
	 * @param name what to call it in the answer ({@code upload:<name>})
	 * @param content its text
	 */
	@Schema(name = "SkillUpload")
	record Upload(
			@Schema(example = "draft") @NotBlank @Size(max = 200) @Pattern(regexp = "^[^\\p{Cntrl}\\t]*$",
					message = "must not contain control characters") String name,
			@Schema(example = "---\nname: draft\ndescription: Drafts release notes. Use when a release is cut.\n---\n") @NotNull @Size(
					max = 262144) String content) {
	}

	@AssertTrue(message = "name at least one path or upload")
	@Schema(hidden = true)
	boolean isAnySkill() {
		return (this.paths != null && !this.paths.isEmpty()) || (this.uploads != null && !this.uploads.isEmpty());
	}

	List<String> pathsOrEmpty() {
		return (this.paths != null) ? this.paths : List.of();
	}

	List<Upload> uploadsOrEmpty() {
		return (this.uploads != null) ? this.uploads : List.of();
	}

}
