package io.teamlearnings.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;

import io.teamlearnings.system.Problems;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jpa.autoconfigure.EntityManagerFactoryDependsOnPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The security of the API: bearer tokens with a role per repository, checked against
 * {@link AccessPolicy} on every {@code /api} request and every MCP tool call; 401 and 403
 * as problem details. With no token configured the service trusts loopback callers only,
 * and refuses to start on any other address. Before either, requests a web page could
 * make a browser send are refused ({@link BrowserRequestGuard}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(SecuritySettings.class)
public class SecurityConfiguration {

	/**
	 * The MCP server: any authenticated caller may connect; each tool then needs the role
	 * its REST endpoint needs ({@link AccessPolicy#require}).
	 */
	private static final String[] MCP = { "/mcp", "/mcp/**" };

	private static final String[] PUBLIC = { "/actuator/health/**", "/v3/api-docs/**", "/v3/api-docs.yaml",
			"/swagger-ui/**", "/swagger-ui.html", "/error" };

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, TokenRegistry tokens, SecuritySettings settings,
			JsonMapper mapper) throws Exception {
		ProblemWriter problems = new ProblemWriter(mapper);
		AuthenticationEntryPoint unauthenticated = (request, response, ex) -> problems.write(response,
				HttpStatus.UNAUTHORIZED, "Authentication required",
				"Send an API token as 'Authorization: Bearer <token>'.");
		AccessDeniedHandler denied = (request, response, ex) -> {
			AccessPolicy.Need need = AccessPolicy.of(request.getMethod(), path(request), cleanupParameter(request));
			problems.write(response, HttpStatus.FORBIDDEN, "Not allowed", "Token '" + Callers.current().name()
					+ "' needs role " + need.role().name().toLowerCase()
					+ (need.everywhere() ? " in every repository ('*')"
							: (need.repo() != null) ? " in repository '" + need.repo() + "'" : " in some repository")
					+ ".");
		};
		AuthorizationManager<RequestAuthorizationContext> policy = (authentication, context) -> {
			Authentication current = authentication.get();
			boolean allowed = current != null && current.getPrincipal() instanceof Caller caller
					&& AccessPolicy.allows(caller, AccessPolicy.of(context.getRequest().getMethod(),
							path(context.getRequest()), cleanupParameter(context.getRequest())));
			return new AuthorizationDecision(allowed);
		};
		http.csrf((csrf) -> csrf.disable())
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(
					(authorize) -> authorize.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
						.permitAll()
						.requestMatchers(PUBLIC)
						.permitAll()
						.requestMatchers("/api/**")
						.access(policy)
						.requestMatchers(MCP)
						.authenticated()
						.anyRequest()
						.permitAll())
			.exceptionHandling(
					(handling) -> handling.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
			.addFilterBefore(new BrowserRequestGuard(settings.allowedOrigins(), tokens::anyTokens, problems),
					AuthorizationFilter.class)
			.addFilterBefore(new TokenFilter(tokens, unauthenticated), AuthorizationFilter.class);
		return http.build();
	}

	@Bean
	RequestRejectedHandler rejectedRequests(JsonMapper mapper) {
		ProblemWriter problems = new ProblemWriter(mapper);
		return (request, response, ex) -> problems.write(response, HttpStatus.BAD_REQUEST, "Request rejected",
				"The request path or headers are not allowed (" + ex.getMessage() + ").");
	}

	/**
	 * Refuses to start on a non-loopback address while no token exists. It runs as soon
	 * as the token table is migrated, before JPA and the rest of the service start (see
	 * {@link #localModeGuardBeforeJpa()}), so that a refused start takes seconds, not the
	 * whole start-up.
	 * @throws UnsafeBindingException when the service would listen beyond loopback
	 * without a token
	 */
	@Bean
	LocalModeGuard localModeGuard(TokenRegistry tokens, Environment environment) {
		String address = environment.getProperty("server.address");
		if (!tokens.anyTokens() && !isLoopback(address)) {
			throw new UnsafeBindingException(address);
		}
		return new LocalModeGuard(address);
	}

	/**
	 * Makes the entity manager factory, the slowest part of start-up, wait for the guard.
	 */
	@Bean
	static EntityManagerFactoryDependsOnPostProcessor localModeGuardBeforeJpa() {
		return new EntityManagerFactoryDependsOnPostProcessor(LocalModeGuard.class);
	}

	/**
	 * The address the service was allowed to listen on.
	 *
	 * @param address {@code server.address}, or {@code null} when unset
	 */
	record LocalModeGuard(@Nullable String address) {
	}

	static boolean isLoopback(String address) {
		if (address == null || address.isBlank()) {
			return false;
		}
		try {
			return InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	/**
	 * The raw {@code cleanup} query parameter, read from the query string itself: asking
	 * the container for a parameter would parse the whole query here, before the web
	 * layer can answer a malformed one with its problem detail.
	 */
	@Nullable private static String cleanupParameter(HttpServletRequest request) {
		String query = request.getQueryString();
		if (query == null) {
			return null;
		}
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			if ((equals < 0 ? pair : pair.substring(0, equals)).equals("cleanup")) {
				return (equals < 0) ? "" : pair.substring(equals + 1);
			}
		}
		return null;
	}

	/** The request's path within the application (its context path left out). */
	static String path(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String context = request.getContextPath();
		return (context != null && !context.isEmpty() && uri.startsWith(context)) ? uri.substring(context.length())
				: uri;
	}

	/** Establishes the caller from the bearer token, or the trusted local caller. */
	private static final class TokenFilter extends OncePerRequestFilter {

		private final TokenRegistry tokens;

		private final AuthenticationEntryPoint unauthenticated;

		TokenFilter(TokenRegistry tokens, AuthenticationEntryPoint unauthenticated) {
			this.tokens = tokens;
			this.unauthenticated = unauthenticated;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader(HttpHeaders.AUTHORIZATION);
			Caller caller = null;
			if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
				caller = this.tokens.authenticate(header.substring(7).strip()).orElse(null);
				if (caller == null) {
					this.unauthenticated.commence(request, response, null);
					return;
				}
			}
			else if (!this.tokens.anyTokens() && isLoopback(request.getRemoteAddr())) {
				caller = Caller.LOCAL;
			}
			if (caller != null) {
				SecurityContextHolder.getContext()
					.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller, null,
							AuthorityUtils.createAuthorityList("ROLE_API")));
			}
			chain.doFilter(request, response);
		}

	}

	/** Writes a problem detail straight to the response, outside Spring MVC. */
	static final class ProblemWriter {

		private final JsonMapper mapper;

		ProblemWriter(JsonMapper mapper) {
			this.mapper = mapper;
		}

		void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
			ProblemDetail problem = Problems.of(status, title, detail);
			response.setStatus(status.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			if (status == HttpStatus.UNAUTHORIZED) {
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			}
			this.mapper.writeValue(response.getOutputStream(), problem);
		}

	}

}
