package io.teamlearnings.security;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.teamlearnings.system.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/admin/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration")
class TokenController {

	private final TokenRegistry tokens;

	TokenController(TokenRegistry tokens) {
		this.tokens = tokens;
	}

	/**
	 * A token to create.
	 *
	 * @param name who will hold it
	 * @param grants {@code <repo>=<role>} or {@code *=<role>}
	 */
	@Schema(name = "TokenRequest")
	record TokenRequest(@Schema(example = "ci-bot") @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}") String name,
			@Schema(example = "[\"*=reader\", \"service=writer\"]") @NotEmpty List<String> grants) {
	}

	/**
	 * A created token: the only time the token is shown.
	 *
	 * @param name its holder
	 * @param token the token; store it, it cannot be shown again
	 */
	@Schema(name = "CreatedToken")
	record CreatedToken(String name, String token) {
	}

	@GetMapping
	@Operation(operationId = "listTokens", summary = "List tokens", description = "Names and grants; never the tokens.")
	@ApiResponse(responseCode = "200", description = "The tokens")
	List<TokenRegistry.TokenInfo> list() {
		return this.tokens.list();
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "createToken", summary = "Create a token",
			description = "Creates a token with the given grants and shows it once.")
	@ApiResponse(responseCode = "201", description = "Created")
	@ApiResponse(responseCode = "400", description = "Invalid name or grant, or the name is taken")
	ResponseEntity<CreatedToken> create(@Valid @RequestBody TokenRequest request) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new CreatedToken(request.name(), this.tokens.create(request.name(), request.grants())));
	}

	@DeleteMapping("/{name}")
	@Operation(operationId = "revokeToken", summary = "Revoke a token")
	@ApiResponse(responseCode = "204", description = "Revoked")
	@ApiResponse(responseCode = "404", description = "No created token of that name")
	ResponseEntity<Void> revoke(@Parameter(description = "Token name") @PathVariable String name) {
		this.tokens.revoke(name);
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler
	ProblemDetail tokenProblem(TokenException ex) {
		return Problems.of(ex.notFound() ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST,
				ex.notFound() ? "Unknown token" : "Invalid token request", ex.getMessage());
	}

}
