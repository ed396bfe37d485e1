package io.teamlearnings.admissions.notes;

import java.nio.charset.CharacterCodingException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.teamlearnings.system.StrictUtf8;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON object a note is made from: what the learnings skill pipes to
 * {@code memory-note append --json -}. It is kept as the exact bytes received (or built
 * once), because the note's fingerprint is over those bytes, and as their parsed tree,
 * which the note embeds.
 * <p>
 * The tool's rules ({@code memory_note.zig}: {@code validateCommon},
 * {@code validatePayload}, {@code rejectSensitiveKeys}, {@code MaxInputBytes}): at most 1
 * MiB of UTF-8 JSON, one object without repeated keys; strings {@code operation},
 * {@code authority}, {@code summary}; a {@code scope} of any shape; a non-empty
 * {@code source_refs} list; a non-empty {@code payload} object, which for a
 * {@code learning-admission} needs strings {@code learning_id}, {@code learning_status},
 * {@code repo}, {@code source_path}, {@code decision_delta}, {@code future_behavior},
 * {@code verification} and an {@code evidence_snapshot}; and no key, at any depth, that
 * reads (ASCII case ignored) as a secret.
 */
public final class NoteInput {

	/** The tool's {@code MaxInputBytes}. */
	public static final int MAX_BYTES = 1024 * 1024;

	private static final List<String> ADMISSION_STRINGS = List.of("learning_id", "learning_status", "repo",
			"source_path", "decision_delta", "future_behavior", "verification");

	private static final Set<String> SECRET_KEYS = Set.of("password", "passwd", "secret", "api_key", "apikey",
			"access_token", "refresh_token", "private_key", "client_secret");

	static final JsonMapper STRICT = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private final byte[] bytes;

	private final ObjectNode tree;

	private NoteInput(byte[] bytes, ObjectNode tree) {
		this.bytes = bytes;
		this.tree = tree;
	}

	/**
	 * The input as a caller sent it.
	 * @param bytes the bytes received, kept exactly
	 * @return the input
	 * @throws NoteInputException if the bytes are over 1 MiB, not UTF-8, or not one JSON
	 * object (repeated keys included)
	 */
	public static NoteInput received(byte[] bytes) {
		if (bytes.length > MAX_BYTES) {
			throw NoteInputException.of("",
					"is " + bytes.length + " bytes, over the memory-note tool's limit of " + MAX_BYTES + " (1 MiB)");
		}
		if (!isUtf8(bytes)) {
			throw NoteInputException.of("", "is not UTF-8 (without a byte order mark)");
		}
		JsonNode tree;
		try {
			tree = STRICT.readTree(bytes);
		}
		catch (JacksonException ex) {
			throw NoteInputException.of("", "is not one JSON object: " + ex.getOriginalMessage());
		}
		if (!(tree instanceof ObjectNode object)) {
			throw NoteInputException.of("", "must be one JSON object");
		}
		return new NoteInput(bytes.clone(), object);
	}

	/**
	 * An input the service builds: its bytes are its compact JSON, written once.
	 * @param tree the object, its keys in the order they are to be written
	 * @return the input
	 * @throws NoteInputException if a string in it is not Unicode text (an unpaired
	 * surrogate from the request), which no note can hold
	 */
	public static NoteInput of(ObjectNode tree) {
		try {
			return new NoteInput(ToolJson.bytes(tree), tree.deepCopy());
		}
		catch (IllegalArgumentException ex) {
			throw NoteInputException.of("", "cannot be written as UTF-8: " + ex.getMessage());
		}
	}

	/**
	 * @return a copy of the input's bytes
	 */
	public byte[] bytes() {
		return this.bytes.clone();
	}

	ObjectNode parsed() {
		return this.tree;
	}

	byte[] raw() {
		return this.bytes;
	}

	/**
	 * Refuses what the {@code memory-note} tool refuses for a note of {@code kind}, in
	 * the tool's order (common fields, the payload, secret-looking keys).
	 * @param kind the note kind
	 * @throws NoteInputException naming the first field at fault
	 */
	public void check(String kind) {
		requireString(this.tree, "", "operation");
		requireString(this.tree, "", "authority");
		requireString(this.tree, "", "summary");
		if (!this.tree.has("scope")) {
			throw NoteInputException.of("scope", "is required");
		}
		JsonNode sourceRefs = this.tree.get("source_refs");
		if (sourceRefs == null || !sourceRefs.isArray() || sourceRefs.isEmpty()) {
			throw NoteInputException.of("source_refs", "must be a non-empty list");
		}
		JsonNode payload = this.tree.get("payload");
		if (payload == null || !payload.isObject() || payload.isEmpty()) {
			throw NoteInputException.of("payload", "must be a non-empty object");
		}
		if (NoteDraft.ADMISSION.equals(kind)) {
			ADMISSION_STRINGS.forEach((field) -> requireString(payload, "payload.", field));
			if (!payload.has("evidence_snapshot")) {
				throw NoteInputException.of("payload.evidence_snapshot", "is required");
			}
		}
		refuseSecrets(this.tree, "");
	}

	private static void requireString(JsonNode object, String prefix, String field) {
		JsonNode value = object.get(field);
		if (value == null || !value.isString()) {
			throw NoteInputException.of(prefix + field,
					(value == null) ? "is required (a string)" : "must be a string");
		}
	}

	private static void refuseSecrets(JsonNode node, String path) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				String field = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
				if (SECRET_KEYS.contains(asciiLower(property.getKey()))) {
					throw NoteInputException.of(field,
							"looks like a secret; the memory-note tool refuses keys named " + sorted(SECRET_KEYS));
				}
				refuseSecrets(property.getValue(), field);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				refuseSecrets(node.get(i), path + "[" + i + "]");
			}
		}
	}

	/**
	 * Lower-cases ASCII letters only, as Zig's {@code std.ascii.eqlIgnoreCase} compares.
	 */
	private static String asciiLower(String key) {
		StringBuilder lower = new StringBuilder(key.length());
		key.chars().forEach((c) -> lower.append((char) ((c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c)));
		return lower.toString();
	}

	private static String sorted(Set<String> keys) {
		return String.join(", ", keys.stream().sorted().toList());
	}

	private static boolean isUtf8(byte[] bytes) {
		if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
			return false;
		}
		try {
			StrictUtf8.decode(bytes);
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

}
