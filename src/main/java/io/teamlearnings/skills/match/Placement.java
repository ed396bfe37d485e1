package io.teamlearnings.skills.match;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.teamlearnings.skills.catalog.SkillRoot;

import org.springframework.lang.Nullable;

/**
 * Where new skills may go, and where one for a given lesson goes ({@link #place}): the
 * seed's shared versus project-specific placement.
 *
 * @param projects the served repositories, each with its project root (null when it has
 * none)
 * @param shared the shared root new cross-project skills go to (the first configured);
 * null when none is configured
 */
public record Placement(List<Project> projects, @Nullable SkillRoot shared) {

	/** Characters trimmed from the ends of a word before it is read as a path. */
	private static final String PATH_EDGES = "`'\"()[]{}<>,;:!?";

	/**
	 * A served repository.
	 *
	 * @param repository its name
	 * @param root its root directory
	 * @param skills its project root
	 */
	public record Project(String repository, Path root, @Nullable SkillRoot skills) {

	}

	/**
	 * Where a new skill for a lesson goes, and why.
	 *
	 * @param kind {@code project} or {@code shared}
	 * @param root the root it goes to; null when there is none of that kind
	 * @param why the reason, a clause ("it names src/shop/cart.py, which is in shop")
	 * @param named what of one repository the lesson names, if it does
	 */
	record Placed(String kind, @Nullable SkillRoot root, String why, @Nullable String named) {

		@Nullable
		String rootName() {
			return (this.root != null) ? this.root.name() : null;
		}

	}

	/**
	 * Places a skill for {@code lesson}: in a repository's project root when the lesson
	 * names exactly that one served repository (its name as a word of at least three
	 * letters, other than {@code default}; a path that exists in it, never looked for
	 * outside it; or, for a learning, its own repository when it has paths), or the one
	 * its learning comes from among several named; otherwise in the shared root.
	 * @param lesson the lesson
	 * @return where its skill goes
	 */
	Placed place(Lesson lesson) {
		Map<String, String> named = new LinkedHashMap<>();
		String text = lesson.text() + "\n" + String.join("\n", lesson.workflow());
		Set<String> words = new HashSet<>();
		for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z0-9._-]+")) {
			words.add(word.replaceAll("^[._-]+|[._-]+$", ""));
		}
		List<String> tokens = pathTokens(text);
		for (Project project : this.projects) {
			if (project.repository().equals(lesson.repository()) && !lesson.paths().isEmpty()) {
				named.putIfAbsent(project.repository(), "the paths of a learning of " + project.repository());
			}
			if (project.repository().length() >= 3 && !project.repository().equals("default")
					&& words.contains(project.repository())) {
				named.putIfAbsent(project.repository(), "the repository " + project.repository());
			}
			for (String token : tokens) {
				if (existsIn(project.root(), token)) {
					named.putIfAbsent(project.repository(), token + ", which is in " + project.repository());
				}
			}
		}
		String chosen = null;
		if (named.size() == 1) {
			chosen = named.keySet().iterator().next();
		}
		else if (named.size() > 1 && named.containsKey(lesson.repository())) {
			chosen = lesson.repository();
		}
		if (chosen != null) {
			for (Project project : this.projects) {
				if (project.repository().equals(chosen)) {
					String what = named.get(chosen);
					if (project.skills() != null) {
						return new Placed("project", project.skills(), "it names " + what, what);
					}
					return new Placed("shared", this.shared,
							"it names " + what + ", but " + chosen + " has no project root", null);
				}
			}
		}
		String why = named.isEmpty() ? "it names no one repository's tools or paths"
				: "it names several repositories (" + String.join(", ", named.keySet()) + ")";
		if (this.shared == null) {
			why = why + "; no shared root is configured";
		}
		return new Placed("shared", this.shared, why, null);
	}

	/**
	 * The words of {@code text} that read as paths: holding a {@code /} (not a URL) or
	 * looking like a file name with an extension, punctuation trimmed from their ends.
	 */
	private static List<String> pathTokens(String text) {
		List<String> tokens = new ArrayList<>();
		for (String raw : text.split("\\s+")) {
			String token = raw;
			while (!token.isEmpty() && PATH_EDGES.indexOf(token.charAt(0)) >= 0) {
				token = token.substring(1);
			}
			while (!token.isEmpty()
					&& (PATH_EDGES.indexOf(token.charAt(token.length() - 1)) >= 0 || token.endsWith("."))) {
				token = token.substring(0, token.length() - 1);
			}
			if (token.startsWith("./")) {
				token = token.substring(2);
			}
			if (!token.isEmpty() && !token.contains("://")
					&& (token.contains("/") || token.matches("\\.?[\\w-]+\\.[A-Za-z0-9]{1,8}"))) {
				tokens.add(token);
			}
		}
		return tokens;
	}

	/** Whether a path a lesson names exists in a repository; never outside it. */
	private static boolean existsIn(Path root, String token) {
		try {
			Path path = Path.of(token);
			for (Path segment : path) {
				if (segment.toString().equals("..")) {
					return false;
				}
			}
			Path inside = path.isAbsolute() ? path.normalize() : root.resolve(path).normalize();
			return inside.startsWith(root) && !inside.equals(root) && Files.exists(inside, LinkOption.NOFOLLOW_LINKS);
		}
		catch (InvalidPathException ex) {
			return false;
		}
	}

}
