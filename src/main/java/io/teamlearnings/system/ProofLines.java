package io.teamlearnings.system;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;

/**
 * The one rule for endpoints that answer either JSON or the proof lines a script prints
 * ({@code appended: id=... status=... path=...}, {@code memory-note: ...}) as
 * {@code text/plain}: JSON unless the caller's {@code Accept} header prefers
 * {@code text/plain}, as {@link AcceptHeader} reads it.
 */
public final class ProofLines {

	private ProofLines() {
	}

	/**
	 * Whether the caller asked for the proof lines rather than JSON.
	 * @param accept the request's {@code Accept} header, if any
	 * @return true for {@code text/plain}
	 */
	public static boolean preferred(@Nullable String accept) {
		return MediaType.TEXT_PLAIN
			.equals(AcceptHeader.choose(accept, MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN));
	}

	/**
	 * Finishes a response with the proof lines or the JSON body, as the caller asked.
	 * @param response the response so far (status, headers)
	 * @param json the JSON body
	 * @param lines the proof lines, one per line, each ending in a newline
	 * @param accept the request's {@code Accept} header, if any
	 * @return the response
	 */
	public static ResponseEntity<Object> answer(ResponseEntity.BodyBuilder response, Object json, String lines,
			@Nullable String accept) {
		if (preferred(accept)) {
			return response.contentType(MediaType.TEXT_PLAIN).body(lines);
		}
		return response.contentType(MediaType.APPLICATION_JSON).body(json);
	}

}
