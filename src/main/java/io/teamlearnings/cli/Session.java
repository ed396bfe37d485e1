package io.teamlearnings.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One run's link to the service: the client, and the repository the command works on,
 * found once. That is {@code LEARNINGS_REPO} when set (the service's 404 for an unknown
 * name ends the command with {@link ExitCode#NO_REPOSITORY}); otherwise the repository of
 * {@code GET /api/repos} whose root holds the working directory (the deepest, if roots
 * nest), compared as real paths.
 */
final class Session {

	/** The store the learnings tool and the service both use, relative to the root. */
	static final String STORE = ".learnings.jsonl";

	private final Invocation invocation;

	private ServiceClient client;

	private List<Served> served;

	private String repo;

	Session(Invocation invocation) {
		this.invocation = invocation;
	}

	/**
	 * A repository as {@code GET /api/repos} lists it.
	 *
	 * @param name its name in URLs
	 * @param root its root directory, on the service's machine
	 * @param path its store, {@code <root>/.learnings.jsonl}
	 * @param rows rows in its index
	 */
	record Served(String name, String root, String path, long rows) {
	}

	Invocation invocation() {
		return this.invocation;
	}

	/**
	 * @return the client, made on first use from the environment
	 * @throws CliFailure ({@link ExitCode#UNREACHABLE}) if {@code LEARNINGS_URL} is bad
	 */
	ServiceClient client() {
		if (this.client == null) {
			this.client = new ServiceClient(ServiceSettings.from(this.invocation.env()));
		}
		return this.client;
	}

	/**
	 * @return the name of the repository to work on
	 * @throws CliFailure ({@link ExitCode#NO_REPOSITORY}) if the working directory is in
	 * none
	 */
	String repo() {
		if (this.repo == null) {
			String named = client().settings().repo();
			this.repo = (named != null) ? named : containing(this.invocation.cwd()).name();
		}
		return this.repo;
	}

	/**
	 * @return the repository to work on, as the service lists it
	 * @throws CliFailure ({@link ExitCode#NO_REPOSITORY}) if the service serves none of
	 * that name
	 */
	Served served() {
		String name = repo();
		for (Served repository : listing()) {
			if (repository.name().equals(name)) {
				return repository;
			}
		}
		throw new CliFailure(ExitCode.NO_REPOSITORY, "error: no repository named '" + name + "' is served at "
				+ client().url() + "; it serves: " + names() + " (LEARNINGS_REPO names the one to use)");
	}

	/**
	 * The base path of the repository's learnings, {@code /api/repos/<repo>/learnings}.
	 */
	String learnings() {
		return "/api/repos/" + ServiceClient.encode(repo()) + "/learnings";
	}

	/**
	 * Checks the tool's {@code --path} values: the service keeps one store per
	 * repository, so a path may only name it ({@code .learnings.jsonl} relative to the
	 * root, or the store's absolute path).
	 * @param paths the values given, in order
	 * @param usage the lines of the command's usage, printed after the error
	 * @throws CliFailure ({@link ExitCode#USAGE}) for any other path
	 */
	void checkPaths(List<String> paths, List<String> usage) {
		for (String path : paths) {
			Path given = Path.of(path).normalize();
			boolean store = given.isAbsolute() ? given.equals(Path.of(served().path()).normalize())
					: given.equals(Path.of(STORE));
			if (!store) {
				List<String> lines = new ArrayList<>();
				lines.add("error: --path " + path + " names another file: the service keeps the store of repository '"
						+ repo() + "' at " + served().path() + "; pass --path " + STORE + " or none");
				lines.addAll(usage);
				throw new CliFailure(ExitCode.USAGE, lines);
			}
		}
	}

	private Served containing(Path cwd) {
		Path here = real(cwd);
		Served best = null;
		for (Served repository : listing()) {
			Path root = real(Path.of(repository.root()));
			if (here.startsWith(root)
					&& (best == null || root.getNameCount() > real(Path.of(best.root())).getNameCount())) {
				best = repository;
			}
		}
		if (best == null) {
			throw new CliFailure(ExitCode.NO_REPOSITORY,
					"error: " + here + " is inside none of the repositories served at " + client().url() + " ("
							+ names() + "); run it in one, or set LEARNINGS_REPO");
		}
		return best;
	}

	private List<Served> listing() {
		if (this.served == null) {
			ServiceClient.Reply reply = client().get("/api/repos", "application/json");
			if (!reply.successful()) {
				throw client().failure(reply);
			}
			Object listing = Json.parseOrNull(reply.body());
			if (!(listing instanceof List<?> items)) {
				throw new CliFailure(ExitCode.SERVICE_FAILED, "error: GET /api/repos at " + client().url()
						+ " did not answer a list of repositories; is LEARNINGS_URL the learnings service?");
			}
			List<Served> repositories = new ArrayList<>();
			for (Object item : items) {
				if (item instanceof Map<?, ?> map) {
					@SuppressWarnings("unchecked")
					Map<String, Object> repository = (Map<String, Object>) map;
					repositories.add(new Served(Json.string(repository, "name"), Json.string(repository, "root"),
							Json.string(repository, "path"), Json.number(repository, "rows").longValue()));
				}
			}
			this.served = repositories;
		}
		return this.served;
	}

	private String names() {
		List<String> names = new ArrayList<>();
		for (Served repository : listing()) {
			names.add(repository.name() + " at " + repository.root());
		}
		return names.isEmpty() ? "no repository this caller may read" : String.join(", ", names);
	}

	private static Path real(Path path) {
		try {
			return path.toRealPath();
		}
		catch (IOException ex) {
			return path.toAbsolutePath().normalize();
		}
	}

}
