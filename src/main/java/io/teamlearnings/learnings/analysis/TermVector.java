package io.teamlearnings.learnings.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.teamlearnings.learnings.jsonl.LearningRow;

/**
 * The analysed terms of one row, per recall field, as stored in the index: each entry
 * {@code <field digit><term>:<frequency>}, entries separated by spaces (terms never
 * contain whitespace).
 */
public final class TermVector {

	/** Recall fields, in storage order. */
	public enum Field {

		LEARNING, APPLICATION, EVIDENCE, CONTEXT, TAGS;

		/** Every field, in order; shared, never modify. */
		public static final Field[] ALL = values();

		private final String jsonName = name().toLowerCase(java.util.Locale.ROOT);

		/** The field's name in answers: {@code learning}, {@code application}, ... */
		public String jsonName() {
			return this.jsonName;
		}

	}

	/**
	 * One stored entry.
	 *
	 * @param field the field the term occurs in
	 * @param term the term
	 * @param frequency how often it occurs there
	 */
	public record Entry(Field field, String term, int frequency) {
	}

	private TermVector() {
	}

	/**
	 * Analyses each field of {@code row}; returns the encoded entries and the field
	 * lengths.
	 */
	public static Encoded encode(LearningRow row, TextAnalysis analysis) {
		String[] texts = texts(row.learning(), row.application(), row.evidence(), row.contextRepo(), row.branch(),
				row.paths(), row.tags());
		StringBuilder entries = new StringBuilder();
		StringBuilder lengths = new StringBuilder();
		for (Field field : Field.ALL) {
			int length = 0;
			for (Map.Entry<String, Integer> term : analysis.termFrequencies(texts[field.ordinal()]).entrySet()) {
				if (!entries.isEmpty()) {
					entries.append(' ');
				}
				entries.append(field.ordinal()).append(term.getKey()).append(':').append(term.getValue());
				length += term.getValue();
			}
			lengths.append(field.ordinal() == 0 ? "" : ",").append(length);
		}
		return new Encoded(entries.toString(), lengths.toString());
	}

	/**
	 * The text of each recall field of a row, in {@link Field} order, as {@link #encode}
	 * analyses them: the evidence items one per line, the context's repository, branch
	 * and paths separated by spaces, the tags too.
	 */
	public static String[] texts(String learning, String application, List<String> evidence, String contextRepo,
			String branch, List<String> paths, List<String> tags) {
		return new String[] { learning, application, String.join("\n", evidence),
				contextRepo + " " + branch + " " + String.join(" ", paths), String.join(" ", tags) };
	}

	/**
	 * A row's terms and field lengths as stored.
	 *
	 * @param entries the encoded entries
	 * @param lengths terms per field, comma-separated in field order
	 */
	public record Encoded(String entries, String lengths) {
	}

	/**
	 * The entries {@link #encode} wrote: space-separated
	 * {@code <field digit><term>:<frequency>}.
	 * @param entries {@link Encoded#entries()}
	 * @return the entries, in the order written
	 */
	public static List<Entry> decode(String entries) {
		List<Entry> decoded = new ArrayList<>();
		if (entries.isEmpty()) {
			return decoded;
		}
		for (String entry : entries.split(" ")) {
			int colon = entry.lastIndexOf(':');
			decoded.add(new Entry(Field.ALL[entry.charAt(0) - '0'], entry.substring(1, colon),
					Integer.parseInt(entry, colon + 1, entry.length(), 10)));
		}
		return decoded;
	}

	/**
	 * Terms per field, by field ordinal, from {@link Encoded#lengths()}; zeros for an
	 * empty text.
	 */
	public static int[] decodeLengths(String lengths) {
		int[] decoded = new int[Field.ALL.length];
		if (lengths.isEmpty()) {
			return decoded;
		}
		String[] parts = lengths.split(",");
		for (int i = 0; i < Math.min(parts.length, decoded.length); i++) {
			decoded[i] = Integer.parseInt(parts[i]);
		}
		return decoded;
	}

}
