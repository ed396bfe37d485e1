package io.teamlearnings.skills.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The skill roots the service knows, in configuration order (the configured ones first,
 * then each served repository's project root), and the one place that turns a path or
 * name from a request into a directory inside one of them. A request names a skill as
 * {@code <root>/<name>} or by its absolute path; either is refused when it has a
 * {@code ..} segment, a NUL or a backslash, lies under no root, or leads out of its root
 * through a link (the skill's directory or its {@code SKILL.md}), or its root leads out
 * of its boundary through a link (a repository's {@code .codex} linking elsewhere).
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
	 * The skill directory a request names.
	 * @param requested {@code <root>/<name>}, or an absolute path inside a root
	 * @param field the request field it came from, for the problem detail
	 * @return where it is
	 * @throws RefusedSkillPathException if it is neither, or reaches outside its root
	 */
	public Located locate(String requested, String field) {
		if (requested.indexOf('\0') >= 0 || requested.indexOf('\\') >= 0) {
			throw new RefusedSkillPathException(field, printable(requested), "has a NUL or a backslash");
		}
		List<String> segments = List.of(requested.split("/", -1));
		if (segments.contains("..")) {
			throw new RefusedSkillPathException(field, requested, "has a '..' segment");
		}
		Located located;
		if (requested.startsWith("/")) {
			located = underARoot(Path.of(requested).normalize(), requested, field);
		}
		else {
			int slash = requested.indexOf('/');
			SkillRoot root = (slash > 0) ? this.byName.get(requested.substring(0, slash)) : null;
			String name = (slash > 0) ? requested.substring(slash + 1) : "";
			if (root == null || !isName(name)) {
				throw new RefusedSkillPathException(field, requested,
						"is neither <root>/<name> with a configured root nor an absolute path");
			}
			located = new Located(root, name, root.path().resolve(name));
		}
		requireNoLinkOut(located, requested, field);
		return located;
	}

	/**
	 * A skill by its root and name, as a URL names it.
	 * @param rootName the root's name
	 * @param name the skill's directory name
	 * @return where it is
	 * @throws UnknownSkillRootException if no root has that name
	 * @throws RefusedSkillPathException if the name is not one directory name, or leads
	 * out of its root
	 */
	public Located skill(String rootName, String name) {
		SkillRoot root = require(rootName);
		if (!isName(name)) {
			throw new RefusedSkillPathException("name", printable(name), "is not one directory name");
		}
		Located located = new Located(root, name, root.path().resolve(name));
		requireNoLinkOut(located, name, "name");
		return located;
	}

	/**
	 * Whether {@code name} is one directory name: not empty, not {@code .} or {@code ..},
	 * no slash, backslash or NUL.
	 * @param name a name from a request
	 * @return whether it names one entry of a directory
	 */
	public static boolean isName(String name) {
		return !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0
				&& name.indexOf('\\') < 0 && name.indexOf('\0') < 0 && name.length() <= 255;
	}

	/**
	 * Whether {@code path} (which exists) really lies strictly inside {@code root}'s
	 * directory, links followed.
	 * @param root a root
	 * @param path a path below it
	 * @return false if a link takes it out, or it cannot be resolved
	 */
	public static boolean reallyInside(SkillRoot root, Path path) {
		try {
			Path realRoot = root.path().toRealPath();
			Path real = path.toRealPath();
			return real.startsWith(realRoot) && !real.equals(realRoot);
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Whether a root's directory really lies in its boundary, links followed, decided
	 * without creating anything: the deepest part of the path that exists is resolved
	 * (links followed), the parts below it (which do not exist yet, so hold no link) are
	 * appended, and the result must lie in the boundary resolved the same way. A link
	 * that dangles, or a path that cannot be resolved, does not stay inside.
	 * @param root a root
	 * @return false if the root (or a directory made for it) would lie outside its
	 * boundary
	 */
	public static boolean staysInBoundary(SkillRoot root) {
		try {
			return wouldBeReal(root.path()).startsWith(wouldBeReal(root.boundary()));
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * @param root a root
	 * @return why it is refused: its directory leads out of its boundary through a link
	 */
	public static String leadsOutReason(SkillRoot root) {
		return "its skill root '" + root.name() + "' leads out of " + root.boundary() + " through a link";
	}

	private static Path wouldBeReal(Path path) throws IOException {
		Path existing = path;
		while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
			existing = existing.getParent();
		}
		if (existing == null) {
			throw new IOException("Nothing of " + path + " exists.");
		}
		return existing.toRealPath().resolve(existing.relativize(path)).normalize();
	}

	private Located underARoot(Path path, String requested, String field) {
		SkillRoot best = null;
		for (SkillRoot root : this.byName.values()) {
			if (path.startsWith(root.path()) && !path.equals(root.path())
					&& (best == null || root.path().getNameCount() > best.path().getNameCount())) {
				best = root;
			}
		}
		if (best == null) {
			throw new RefusedSkillPathException(field, requested, "is not under a skill root");
		}
		return new Located(best, best.path().relativize(path).toString(), path);
	}

	private static void requireNoLinkOut(Located located, String requested, String field) {
		if (!staysInBoundary(located.root())) {
			throw new RefusedSkillPathException(field, requested, leadsOutReason(located.root()));
		}
		Path skillMd = located.dir().resolve("SKILL.md");
		boolean dirOut = Files.exists(located.dir()) && !reallyInside(located.root(), located.dir());
		boolean fileOut = Files.isSymbolicLink(skillMd) && Files.exists(skillMd)
				&& !reallyInside(located.root(), skillMd);
		if (dirOut || fileOut) {
			throw new RefusedSkillPathException(field, requested, "leads out of its skill root through a link");
		}
	}

	private static String printable(String text) {
		return text.replace("\0", "\\0");
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
