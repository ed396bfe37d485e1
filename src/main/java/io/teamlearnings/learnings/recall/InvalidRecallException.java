package io.teamlearnings.learnings.recall;

import io.teamlearnings.system.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A recall request that cannot be answered as asked: 400 "Invalid recall" naming the
 * parameter.
 */
public class InvalidRecallException extends ErrorResponseException {

	private InvalidRecallException(String field, String message) {
		super(HttpStatus.BAD_REQUEST, Problems.field("Invalid recall", message, field, message), null);
	}

	static InvalidRecallException emptyQuery() {
		return new InvalidRecallException("query", "Give a query with at least one word, or paths to match.");
	}

	static InvalidRecallException unknownMode(String value) {
		return new InvalidRecallException("mode", "mode must be lexical, semantic or hybrid, not '"
				+ ((value.length() > 40) ? value.substring(0, 40) + "..." : value) + "'.");
	}

	static InvalidRecallException semanticOff() {
		return new InvalidRecallException("mode",
				"Semantic recall is off on this server (learnings.recall.semantic.enabled=false); use mode=lexical.");
	}

	static InvalidRecallException nothingToEmbed() {
		return new InvalidRecallException("query",
				"mode=semantic needs query words (stop words, symbols and paths alone are not): use mode=lexical.");
	}

	static InvalidRecallException limitTooLarge(int limit, int max) {
		return new InvalidRecallException("limit",
				"limit " + limit + " is over the maximum of " + max + " (learnings.recall.max-limit).");
	}

}
