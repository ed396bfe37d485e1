package io.teamlearnings.security;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.teamlearnings.system.Problems;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses what a web page could make its visitor's browser send to the service: a browser
 * may post a form or a body-less request to any address without asking first (no CORS
 * preflight), and with no token configured every loopback caller is an admin.
 * <ul>
 * <li>A request whose {@code Origin} is neither the service's own (the host and port of
 * the {@code Host} it was sent to) nor one of {@code learnings.security.allowed-origins}
 * gets 403. Scripts and agents send no {@code Origin}; Swagger UI, served by the service,
 * sends its own. {@code /mcp} is left to the MCP transport's own check, which admits only
 * {@code learnings.mcp.allowed-origins}.</li>
 * <li>With no token, a request addressed to a {@code Host} other than {@code localhost}
 * or a loopback address gets 403: a page on a domain made to resolve to 127.0.0.1 (DNS
 * rebinding) is same-origin with itself, not with the service.</li>
 * </ul>
 * Both as problem details, before authentication; nothing is read or written.
 */
final class BrowserRequestGuard extends OncePerRequestFilter {

	private final List<String> allowedOrigins;

	private final BooleanSupplier anyTokens;

	private final SecurityConfiguration.ProblemWriter problems;

	/**
	 * @param allowedOrigins browser origins allowed besides the service's own, as
	 * {@code scheme://host[:port]}
	 * @param anyTokens whether any token exists: without, the {@code Host} is checked too
	 * ({@link TokenRegistry#anyTokens})
	 * @param problems writes the refusals
	 */
	BrowserRequestGuard(List<String> allowedOrigins, BooleanSupplier anyTokens,
			SecurityConfiguration.ProblemWriter problems) {
		this.allowedOrigins = allowedOrigins.stream().map(BrowserRequestGuard::normalized).toList();
		this.anyTokens = anyTokens;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String host = request.getHeader(HttpHeaders.HOST);
		if (!this.anyTokens.getAsBoolean() && !loopbackHost(host)) {
			this.problems.write(response, HttpStatus.FORBIDDEN, "Host refused",
					"Without API tokens the service answers only requests addressed to localhost or a loopback "
							+ "address, not to '" + printable(host) + "': a web page could reach it by DNS rebinding. "
							+ "Configure a token to serve other names.");
			return;
		}
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		if (origin != null && !isMcp(request) && !sameOrigin(origin, host)
				&& !this.allowedOrigins.contains(normalized(origin))) {
			this.problems.write(response, HttpStatus.FORBIDDEN, "Cross-origin request refused",
					"Origin '" + printable(origin) + "' is not the service's own and not in "
							+ "learnings.security.allowed-origins: a web page may not call the service from "
							+ "another site. Scripts and agents send no Origin header.");
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isMcp(HttpServletRequest request) {
		String path = SecurityConfiguration.path(request);
		return path.equals("/mcp") || path.startsWith("/mcp/");
	}

	/**
	 * Whether {@code origin} names the host and port the request was sent to: its
	 * {@code Host} header, whose port is the origin's scheme's default when left out. The
	 * scheme is not compared: behind a proxy that ends TLS the service sees plain HTTP.
	 */
	static boolean sameOrigin(String origin, @Nullable String host) {
		URI parsed = uri(origin);
		if (parsed == null || parsed.getHost() == null || parsed.getScheme() == null || host == null
				|| host.isBlank()) {
			return false;
		}
		URI own = uri(parsed.getScheme() + "://" + host);
		return own != null && own.getHost() != null && parsed.getHost().equalsIgnoreCase(own.getHost())
				&& port(parsed) == port(own);
	}

	/**
	 * Whether {@code host} (a {@code Host} header: a name or address, with or without a
	 * port) is {@code localhost} or a loopback address literal; a missing one is, as
	 * HTTP/1.0 clients and tests send none.
	 */
	static boolean loopbackHost(@Nullable String host) {
		if (host == null || host.isEmpty()) {
			return true;
		}
		URI parsed = uri("http://" + host);
		if (parsed == null || parsed.getHost() == null) {
			return false;
		}
		String name = parsed.getHost().toLowerCase(Locale.ROOT);
		if (name.equals("localhost") || name.endsWith(".localhost")) {
			return true;
		}
		String address = (name.startsWith("[") && name.endsWith("]")) ? name.substring(1, name.length() - 1) : name;
		// a literal only: a name is never resolved here
		boolean literal = address.contains(":") || address.matches("[0-9.]+");
		return literal && SecurityConfiguration.isLoopback(address);
	}

	private static int port(URI uri) {
		if (uri.getPort() >= 0) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

	/** {@code scheme://host:port}, lower case, the default port written out. */
	private static String normalized(String origin) {
		URI parsed = uri(origin.strip());
		if (parsed == null || parsed.getHost() == null || parsed.getScheme() == null) {
			return origin.strip();
		}
		return parsed.getScheme().toLowerCase(Locale.ROOT) + "://" + parsed.getHost().toLowerCase(Locale.ROOT) + ":"
				+ port(parsed);
	}

	private static @Nullable URI uri(String text) {
		try {
			return new URI(text);
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	private static String printable(@Nullable String header) {
		return (header != null) ? Problems.printable(header) : "";
	}

}
