package io.teamlearnings.security;

import org.springframework.lang.Nullable;

/**
 * The service was asked to listen beyond loopback while no API token is configured: it
 * would then trust every caller that can reach it, so it refuses to start.
 * {@link UnsafeBindingFailureAnalyzer} turns this into the message a user reads.
 */
class UnsafeBindingException extends RuntimeException {

	@Nullable
	private final String address;

	UnsafeBindingException(@Nullable String address) {
		super("No API token is configured, so the service trusts its callers; it may then listen on a loopback "
				+ "address only, not on " + describe(address) + ".");
		this.address = address;
	}

	/**
	 * The address asked for, {@code null} or blank for every address.
	 * @return the configured {@code server.address}
	 */
	@Nullable
	String address() {
		return this.address;
	}

	static String describe(@Nullable String address) {
		return (address == null || address.isBlank()) ? "every address (server.address is empty)" : "'" + address + "'";
	}

}
