package io.teamlearnings.system;

import java.util.Comparator;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;

/**
 * The one rule for endpoints that answer either JSON or the proof lines a script prints
 * ({@code appended: id=... status=... path=...}, {@code memory-note: ...}) as
 * {@code text/plain}: the caller's {@code Accept} types are read best quality first, and
 * the first that is {@code text/plain} or {@code text/*} chooses the proof lines, the
 * first that is JSON chooses JSON; anything else (no header, {@code *}{@code /*}) gets
 * JSON.
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
		if (accept == null) {
			return false;
		}
		List<MediaType> types = MediaType.parseMediaTypes(accept);
		types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
		for (MediaType type : types) {
			if (type.isCompatibleWith(MediaType.TEXT_PLAIN) && !type.isWildcardType()) {
				return true;
			}
			if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
				return false;
			}
		}
		return false;
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
