package io.teamlearnings.security;

import java.util.Map;

/**
 * Who is calling: a token's name and its role per repository ({@code *} for every
 * repository), or the trusted local caller when no token is configured.
 *
 * @param name the token's name, or {@code local}
 * @param grants role per repository name, {@code *} meaning every repository
 * @param local whether this is the trusted loopback caller of a token-less service
 */
public record Caller(String name, Map<String, Role> grants, boolean local) {

	/** The trusted caller of a service without tokens. */
	public static final Caller LOCAL = new Caller("local", Map.of("*", Role.ADMIN), true);

	/**
	 * Whether this caller holds at least {@code role} in {@code repo}.
	 * @param role the role needed
	 * @param repo the repository
	 * @return whether it may
	 */
	public boolean can(Role role, String repo) {
		Role granted = this.grants.getOrDefault(repo, this.grants.get("*"));
		return granted != null && granted.includes(role);
	}

	/**
	 * Whether this caller holds at least {@code role} in some repository.
	 * @param role the role needed
	 * @return whether it may
	 */
	public boolean canSomewhere(Role role) {
		return this.grants.values().stream().anyMatch((granted) -> granted.includes(role));
	}

	/**
	 * Whether this caller holds at least {@code role} in every repository.
	 * @param role the role needed
	 * @return whether it may
	 */
	public boolean canEverywhere(Role role) {
		Role granted = this.grants.get("*");
		return granted != null && granted.includes(role);
	}

	/**
	 * What the service records as the {@code source} of rows this caller writes.
	 * @return {@code token:<name>}
	 */
	public String attribution() {
		return "token:" + this.name;
	}

}
