package io.teamlearnings.system;

/**
 * A request body went over {@code learnings.http.max-request-size}.
 */
class PayloadTooLargeException extends RuntimeException {

	private PayloadTooLargeException(String message) {
		super(message);
	}

	static PayloadTooLargeException over(long limit) {
		return new PayloadTooLargeException("Request body is larger than the limit of " + limit
				+ " bytes (learnings.http.max-request-size; max-upload-size for session uploads).");
	}

}
