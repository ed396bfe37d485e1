package io.teamlearnings.admissions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.lang.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A request to admit a canonical learning to memory, with what only the caller knows.
 *
 * @param learningId the canonical row
 * @param scope where the learning applies: a list of paths, or the skill's object
 * {@code {kind, repo, paths}}; null when not given (not marked nullable, so that its
 * schema is just its two shapes)
 * @param decisionDelta what future agents should decide differently
 * @param futureBehavior the operational default or route to follow
 * @param verification the proof or stop condition
 * @param reasons the reasons the caller claims, beyond what the store shows
 */
@Schema(name = "AdmissionRequest")
record AdmissionRequest(
		@JsonProperty("learning_id") @Schema(example = "lrn-20260528T170724Z-c468d2a9",
				requiredMode = Schema.RequiredMode.REQUIRED) @NotBlank @Size(
						max = 200) @Pattern(regexp = UNICODE_TEXT, message = NOT_UNICODE) String learningId,
		@Schema(description = "Where the learning applies: a list of paths (a single path is taken as a list of "
				+ "one), or the skill's object {kind, repo, paths}", implementation = Object.class,
				oneOf = {
						String[].class, Scope.class }) @Valid Scope scope,
		@JsonProperty("decision_delta") @Schema(
				example = "Future Codex should run the parser fuzz target before Z.") @Nullable @Size(
						max = 4000) @Pattern(regexp = UNICODE_TEXT, message = NOT_UNICODE) String decisionDelta,
		@JsonProperty("future_behavior") @Schema(
				example = "Run ./fuzz.sh parser before touching src/parser.") @Nullable @Size(
						max = 4000) @Pattern(regexp = UNICODE_TEXT, message = NOT_UNICODE) String futureBehavior,
		@Schema(example = "fuzz.sh exits 0 after 60 s") @Nullable @Size(max = 4000) @Pattern(regexp = UNICODE_TEXT,
				message = NOT_UNICODE) String verification,
		@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Nullable @Size(
				max = 10) List<Reason> reasons){

	/**
	 * Text with no unpaired UTF-16 surrogate (a lone {@code \uD800} escape: a note is
	 * UTF-8, which cannot hold one) and no control character but tab, line feed and
	 * carriage return (a note is read in terminals, where an escape sequence acts). A
	 * surrogate pair is one code point outside the range (Java regular expressions, and
	 * ECMA-262 ones with the {@code u} flag, which the published schema's {@code pattern}
	 * is read as, match code points).
	 */
	static final String UNICODE_TEXT = "[^\\uD800-\\uDFFF\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

	static final String NOT_UNICODE = "must not contain control characters (tab and line breaks aside) or an unpaired "
			+ "UTF-16 surrogate";

	/**
	 * The same request with {@code claimed} reasons added (those of the query string).
	 */
	AdmissionRequest claiming(List<Reason> claimed) {
		if (claimed.isEmpty()) {
			return this;
		}
		List<Reason> all = new ArrayList<>((this.reasons != null) ? this.reasons : List.of());
		all.addAll(claimed);
		return new AdmissionRequest(this.learningId, this.scope, this.decisionDelta, this.futureBehavior,
				this.verification, all);
	}

	/**
	 * Where a learning applies. Either a list of paths (the service's first request
	 * shape) or the object of the {@code memory-source-note/v1} schema ({@code scope} in
	 * the tool's {@code schemas/memory-source-note-v1.schema.json}).
	 *
	 * @param kind {@code global}, {@code repo}, {@code path-family}, {@code task-family},
	 * {@code workflow} or {@code tool}; null when given as a list of paths
	 * @param repo the repository it names (the object's {@code repo}, which may be null)
	 * @param paths the paths it applies to
	 * @param object whether it was given as an object
	 */
	@Schema(name = "AdmissionScope", description = "The skill's scope object")
	record Scope(@Schema(allowableValues = {
			"global", "repo", "path-family", "task-family", "workflow", "tool" }) @Nullable @Pattern(
					regexp = KINDS) String kind,
			@Nullable @Size(max = 512) String repo, @Size(max = 128) List<@NotBlank @Size(max = 4096) String> paths,
			@Schema(hidden = true) boolean object){

		/** The kinds of the tool's schema. */
		static final String KINDS = "global|repo|path-family|task-family|workflow|tool";

		private static final Set<String> FIELDS = Set.of("kind", "repo", "paths");

		/**
		 * @param paths paths the learning applies to
		 * @return the scope as a list of paths
		 */
		static Scope ofPaths(List<String> paths) {
			return new Scope(null, null, List.copyOf(paths), false);
		}

		/**
		 * Reads a scope: a list of path strings, one path string, or an object with a
		 * string {@code kind}, an optional string or null {@code repo} and an optional
		 * list of path strings {@code paths}.
		 * @throws MismatchedInputException for any other shape, which the API answers as
		 * a 400 naming {@code scope}
		 */
		@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
		static Scope from(JsonNode node) {
			if (node.isString()) {
				return ofPaths(List.of(node.stringValue()));
			}
			if (node.isArray()) {
				return ofPaths(strings(node, "scope"));
			}
			if (!node.isObject()) {
				throw wrong("scope must be a list of paths or an object {kind, repo, paths}");
			}
			for (String field : node.propertyNames()) {
				if (!FIELDS.contains(field)) {
					throw wrong("scope has an unknown field '" + field + "'; its fields are kind, repo and paths");
				}
			}
			JsonNode kind = node.get("kind");
			if (kind == null || !kind.isString()) {
				throw wrong("scope.kind must be a string, one of " + KINDS.replace('|', ' '));
			}
			JsonNode repo = node.get("repo");
			if (repo != null && !repo.isNull() && !repo.isString()) {
				throw wrong("scope.repo must be a string or null");
			}
			JsonNode paths = node.get("paths");
			return new Scope(kind.stringValue(), (repo != null && repo.isString()) ? repo.stringValue() : null,
					(paths == null) ? List.of() : strings(paths, "scope.paths"), true);
		}

		/**
		 * Reads the scope of a {@code memory-note} input, which the tool takes in any
		 * shape.
		 * @return the scope, or null when it is not one the gate can read
		 */
		@Nullable
		static Scope lenient(@Nullable JsonNode node) {
			try {
				return (node == null || node.isNull()) ? null : from(node);
			}
			catch (MismatchedInputException ex) {
				return null;
			}
		}

		private static MismatchedInputException wrong(String message) {
			return MismatchedInputException.from((JsonParser) null, Scope.class, message);
		}

		private static List<String> strings(JsonNode array, String field) {
			if (!array.isArray()) {
				throw wrong(field + " must be a list of paths");
			}
			List<String> strings = new ArrayList<>();
			for (JsonNode item : array) {
				if (!item.isString()) {
					throw wrong(field + " must hold path strings only");
				}
				strings.add(item.stringValue());
			}
			return List.copyOf(strings);
		}

		/**
		 * Whether the scope is stated: it names paths, or is an object of any kind but
		 * {@code path-family} (a family of paths needs its paths; a repo, a workflow or
		 * the whole of Codex does not).
		 */
		boolean stated() {
			return !this.paths.isEmpty() || (this.object && !"path-family".equals(this.kind));
		}

		/** How the gate names the scope. */
		String describe() {
			return this.object ? this.kind + ((this.repo != null) ? " " + this.repo : "") + " " + this.paths
					: this.paths.toString();
		}

		/**
		 * The scope as a note writes it: the object as given, or for a list of paths
		 * {@code {"kind":"repo","repo":<repo>,"paths":[...]}}.
		 * @param repo the repository of a scope given as paths
		 */
		Map<String, Object> toNote(String repo) {
			Map<String, Object> scope = new LinkedHashMap<>();
			scope.put("kind", this.object ? this.kind : "repo");
			scope.put("repo", this.object ? this.repo : repo);
			scope.put("paths", this.paths);
			return scope;
		}

	}

	/** Reasons a caller may claim for admitting a learning (the seed's list). */
	enum Reason {

		/** The user explicitly asked to remember or promote it. */
		@JsonProperty("user_requested")
		USER_REQUESTED,

		/** It captures a stable cross-task preference or operating default. */
		@JsonProperty("stable_preference")
		STABLE_PREFERENCE,

		/**
		 * An unusually high-impact failure shield, repo map, verification path or stop
		 * rule.
		 */
		@JsonProperty("high_impact")
		HIGH_IMPACT,

		/** It proves a repeatable procedure suitable for a memory-root skill. */
		@JsonProperty("repeatable_procedure")
		REPEATABLE_PROCEDURE;

		String jsonName() {
			return name().toLowerCase(Locale.ROOT);
		}

		/**
		 * @param name a reason as the API writes it ({@code user_requested})
		 * @return the reason
		 * @throws IllegalArgumentException if there is none of that name
		 */
		static Reason of(String name) {
			for (Reason reason : values()) {
				if (reason.jsonName().equals(name.strip())) {
					return reason;
				}
			}
			throw new IllegalArgumentException("no reason '" + name + "'");
		}

	}

}
