package io.teamlearnings.system;

import java.util.Comparator;
import java.util.List;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.lang.Nullable;

/**
 * Chooses which of the representations an endpoint offers a caller gets, from the
 * caller's {@code Accept} header: its types are read best quality first (types with
 * {@code q=0} are refused ones, skipped), and the first that names one of the offered
 * types ({@code text/*} names {@code text/plain}) chooses it; {@code *}{@code /*}, no
 * header, an unreadable header or nothing offered named gets the endpoint's default, the
 * first offered type.
 */
public final class AcceptHeader {

	private AcceptHeader() {
	}

	/**
	 * @param accept the request's {@code Accept} header, if any
	 * @param offered what the endpoint can answer, its default first
	 * @return the one to answer with
	 */
	public static MediaType choose(@Nullable String accept, MediaType... offered) {
		if (accept == null || accept.isBlank()) {
			return offered[0];
		}
		List<MediaType> types;
		try {
			types = MediaType.parseMediaTypes(accept);
		}
		catch (InvalidMediaTypeException ex) {
			return offered[0];
		}
		types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
		for (MediaType type : types) {
			if (type.getQualityValue() == 0) {
				continue;
			}
			if (type.isWildcardType()) {
				return offered[0];
			}
			for (MediaType candidate : offered) {
				if (type.isCompatibleWith(candidate)) {
					return candidate;
				}
			}
		}
		return offered[0];
	}

}
