package io.teamlearnings.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The caller of the current request, as the security filter established it.
 */
public final class Callers {

	private Callers() {
	}

	/**
	 * The current caller; the trusted local caller when the request passed no security
	 * filter (tests of a single controller).
	 * @return the caller
	 */
	public static Caller current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
			return caller;
		}
		return Caller.LOCAL;
	}

}
