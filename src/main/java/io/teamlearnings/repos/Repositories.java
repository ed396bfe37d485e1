package io.teamlearnings.repos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * The repositories this service serves, resolved once at startup from
 * {@link ReposProperties}. Roots must exist; a misconfiguration stops startup with a
 * message naming the setting.
 */
@Service
public class Repositories {

	static final String DEFAULT_NAME = "default";

	private final Map<String, Repo> byName;

	private final Map<String, GitSyncSettings> git = new LinkedHashMap<>();

	Repositories(ReposProperties properties) {
		this.byName = Collections.unmodifiableMap(resolve(properties.repos()));
		properties.repos()
			.forEach((setting) -> this.git.put(setting.name(),
					(setting.git() != null) ? setting.git() : GitSyncSettings.off()));
	}

	private static Map<String, Repo> resolve(List<ReposProperties.RepoSetting> settings) {
		Map<String, Repo> repos = new LinkedHashMap<>();
		if (settings.isEmpty()) {
			Path cwd = Path.of("").toAbsolutePath().normalize();
			repos.put(DEFAULT_NAME, new Repo(DEFAULT_NAME, cwd));
			return repos;
		}
		for (int i = 0; i < settings.size(); i++) {
			ReposProperties.RepoSetting setting = settings.get(i);
			Path root = setting.root().toAbsolutePath().normalize();
			if (!Files.isDirectory(root)) {
				throw RepositorySettingException.notADirectory(i, root);
			}
			if (repos.putIfAbsent(setting.name(), new Repo(setting.name(), root)) != null) {
				throw RepositorySettingException.nameTakenTwice(i, setting.name());
			}
		}
		return repos;
	}

	/**
	 * Every served repository, in configuration order.
	 * @return the repositories
	 */
	public List<Repo> all() {
		return new ArrayList<>(this.byName.values());
	}

	/**
	 * The repository with this name.
	 * @param name a repository name from a request
	 * @return the repository
	 * @throws UnknownRepositoryException if none is served under that name
	 */
	public Repo require(String name) {
		Repo repo = this.byName.get(name);
		if (repo == null) {
			throw UnknownRepositoryException.forName(name);
		}
		return repo;
	}

	/**
	 * How a repository's checkout is kept in step with its git remote.
	 * @param repo a served repository
	 * @return its settings; {@link GitSyncSettings#off()} for one without any (such as
	 * {@code default})
	 */
	public GitSyncSettings git(Repo repo) {
		return this.git.getOrDefault(repo.name(), GitSyncSettings.off());
	}

}
