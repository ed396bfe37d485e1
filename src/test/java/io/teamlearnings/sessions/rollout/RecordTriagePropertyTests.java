package io.teamlearnings.sessions.rollout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.unit.DataSize;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * The reader walks records that cannot hold a message or a tool call without building
 * their tree ({@link RecordTriage}); whatever the mix of records, field orders and extra
 * fields, it reads a file exactly as parsing every line whole does.
 */
class RecordTriagePropertyTests {

	/** The reader's own mapper: the whole parse reads the JSON the reader reads. */
	private static final JsonMapper MAPPER = RolloutReader.MAPPER;

	private static final String T0 = "2026-11-23T08:00:00";

	/** Records of every kind the triage tells apart, some in unusual shapes. */
	private static final List<String> RECORDS = List.of(
			"{\"timestamp\":\"%s\",\"type\":\"event_msg\",\"payload\":{\"type\":\"user_message\",\"message\":\"fix the build\"}}",
			"{\"timestamp\":\"%s\",\"type\":\"event_msg\",\"payload\":{\"type\":\"agent_message\",\"message\":\"Fixed. Done.\"}}",
			"{\"timestamp\":\"%s\",\"type\":\"event_msg\",\"payload\":{\"type\":\"token_count\",\"info\":{\"total\":[1,2]}}}",
			"{\"timestamp\":\"%s\",\"ordinal\":7,\"type\":\"response_item\",\"metadata\":{\"turn\":\"t\"},\"payload\":{\"type\":\"reasoning\",\"encrypted_content\":\"QUJDRA==\",\"summary\":[]}}",
			"{\"timestamp\":\"%s\",\"type\":\"response_item\",\"payload\":{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"no, that's wrong\"}]}}",
			"{\"timestamp\":\"%s\",\"type\":\"response_item\",\"payload\":{\"type\":\"function_call\",\"name\":\"shell\",\"arguments\":\"{}\",\"call_id\":\"c1\"}}",
			"{\"timestamp\":\"%s\",\"type\":\"response_item\",\"payload\":{\"type\":\"function_call_output\",\"call_id\":\"c1\",\"output\":\"Exit code: 2\"}}",
			"{\"timestamp\":\"%s\",\"type\":\"response_item\",\"payload\":{\"call_id\":\"c1\",\"type\":\"function_call_output\",\"output\":\"error: boom\"}}",
			"{\"type\":\"event_msg\",\"payload\":{\"type\":\"exec_command_end\",\"call_id\":\"c1\",\"exit_code\":3},\"timestamp\":\"%s\"}",
			"{\"timestamp\":\"%s\",\"type\":\"world_state\",\"payload\":{\"files\":[{\"p\":\"a\"}]}}",
			"{\"timestamp\":\"%s\",\"type\":\"turn_context\",\"payload\":{\"cwd\":\"/w\"}}",
			"{\"timestamp\":\"%s\",\"type\":\"compacted\",\"payload\":{\"message\":\"summary\",\"replacement_history\":[]}}",
			"{\"timestamp\":\"%s\",\"type\":\"session_meta\",\"payload\":{\"id\":\"other\",\"timestamp\":\"2026-11-20T08:00:00Z\"}}",
			"{\"timestamp\":\"%s\",\"type\":\"token_usage_record\",\"payload\":{\"n\":1},\"timestamp\":\"2026-11-24T00:00:00Z\"}",
			"{\"timestamp\":\"%s\",\"type\":\"event_msg\",\"payload\":{\"type\":\"token_count\"}} trailing",
			"{\"timestamp\":\"%s\",\"type\":\"event_msg\",\"payload\":{\"type\":\"token_count\",", "[\"%s\"]",
			"{\"timestamp\":\"%s\",\"type\":\"mystery\",\"payload\":[1]}");

	@TempDir
	Path dir;

	@Test
	void readsEveryMixOfRecordsAsTheWholeParseDoes() {
		qt().withExamples(400)
			.forAll(lists().of(integers().between(0, RECORDS.size() - 1)).ofSizeBetween(0, 30),
					integers().between(0, 1))
			.check((picks, fork) -> {
				StringBuilder file = new StringBuilder("{\"timestamp\":\"" + T0 + "Z\",\"type\":\"session_meta\","
						+ "\"payload\":{\"id\":\"s\",\"timestamp\":\"" + T0 + "Z\""
						+ ((fork == 1) ? ",\"forked_from_id\":\"p\"" : "") + "}}\n");
				for (int i = 0; i < picks.size(); i++) {
					String at = Instant.parse(T0 + "Z").plusSeconds(i * (i % 3)).toString();
					file.append(RECORDS.get(picks.get(i)).formatted(at)).append('\n');
				}
				return read(file.toString()).equals(wholeParse(file.toString()));
			});
	}

	private Rollout read(String content) {
		try {
			Path path = Files.createTempFile(this.dir, "rollout", ".jsonl");
			Files.writeString(path, content);
			return withoutFileFacts(new RolloutReader(() -> DataSize.ofMegabytes(1)).read(path, "sessions"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every line parsed whole, as before the triage. */
	private static Rollout wholeParse(String content) {
		RolloutParse parse = new RolloutParse(MAPPER);
		String[] lines = content.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].isBlank()) {
				continue;
			}
			try {
				tools.jackson.databind.JsonNode record = MAPPER.readTree(lines[i]);
				if (record.isObject()) {
					parse.record(i + 1, record);
				}
				else {
					parse.problem(i + 1, "not a JSON object");
				}
			}
			catch (tools.jackson.core.JacksonException ex) {
				parse.problem(i + 1, "not JSON: " + RolloutReader.plain(ex.getOriginalMessage()));
			}
		}
		return withoutFileFacts(
				parse.toRollout(new RolloutReader.Opened(Path.of("x.jsonl"), "sessions", false, 0, Instant.EPOCH)));
	}

	private static Rollout withoutFileFacts(Rollout rollout) {
		return new Rollout(Path.of("x.jsonl"), rollout.source(), false, 0, Instant.EPOCH, rollout.format(),
				rollout.id(), rollout.startedAt(), rollout.metaStart(), rollout.forkedFromId(), rollout.cwd(),
				rollout.lastRecordAt(), rollout.eventMessages(), rollout.itemMessages(), rollout.toolCalls(),
				rollout.compactions(), rollout.replayedLines(), rollout.problems(), rollout.problemCount(),
				rollout.torn());
	}

}
