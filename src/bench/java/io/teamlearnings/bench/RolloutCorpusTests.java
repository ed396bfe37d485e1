package io.teamlearnings.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.teamlearnings.support.FixedClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The generated rollout corpus is repeatable, and its message counts are what the
 * service's extract and the jq filter select from it. The extract is the service's own:
 * its session beans (found by name, as they are not public) in a small context, asked
 * through their controller with MockMvc, so no whole application starts.
 */
class RolloutCorpusTests {

	private static final long SEED = 20261123L;

	private static final int SESSIONS = 5;

	private static final long BYTES = 2_000_000;

	private static final Pattern ROLLOUT = Pattern
		.compile("sessions/\\d{4}/\\d{2}/\\d{2}/rollout-\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-"
				+ "[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\\.jsonl");

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@TempDir
	static Path home;

	static RolloutCorpus.Generated corpus;

	static AnnotationConfigApplicationContext sessions;

	static MockMvc mvc;

	@BeforeAll
	static void generateAndStartTheSessionBeans() {
		corpus = RolloutCorpus.write(home.resolve("codex"), SEED, SESSIONS, BYTES, FixedClock.NOW);
		sessions = new AnnotationConfigApplicationContext();
		TestPropertyValues
			.of("learnings.sessions.sessions-dir=" + home.resolve("codex/sessions"),
					"learnings.sessions.archive-dir=" + home.resolve("codex/archived_sessions"),
					"learnings.sessions.uploads-dir=" + home.resolve("uploads"),
					"learnings.sessions.run-memory-file=" + home.resolve("run-memory.md"),
					"learnings.sessions.runs-file=" + home.resolve("runs.jsonl"))
			.applyTo(sessions);
		sessions.register(SessionBeans.class);
		sessions.refresh();
		mvc = MockMvcBuilders.standaloneSetup(sessions.getBean("sessionController")).build();
	}

	@AfterAll
	static void stop() {
		if (sessions != null) {
			sessions.close();
		}
	}

	@Test
	void theSameSeedWritesTheSameBytes(@TempDir Path first, @TempDir Path second) throws IOException {
		RolloutCorpus.Generated one = RolloutCorpus.write(first, SEED, SESSIONS, BYTES, FixedClock.NOW);
		RolloutCorpus.Generated two = RolloutCorpus.write(second, SEED, SESSIONS, BYTES, FixedClock.NOW);

		assertThat(relative(first, one.files())).hasSize(SESSIONS)
			.isEqualTo(relative(second, two.files()))
			.allMatch((path) -> ROLLOUT.matcher(path).matches());
		for (int i = 0; i < SESSIONS; i++) {
			assertThat(Files.mismatch(one.files().get(i), two.files().get(i))).isEqualTo(-1L);
		}
		assertThat(two).usingRecursiveComparison().ignoringFields("files").isEqualTo(one);
		long size = 0;
		for (Path file : one.files()) {
			size += Files.size(file);
		}
		assertThat(one.bytes()).isEqualTo(size).isCloseTo(BYTES, within(BYTES / 20));
		assertThat(one.userMessages()).isPositive();
		assertThat(one.assistantMessages()).isGreaterThan(one.userMessages());

		List<String> texts = new ArrayList<>();
		for (Path file : one.files()) {
			texts.add(Files.readString(file));
		}
		assertThat(texts).as("the shapes the extractor treats differently")
			.anyMatch((text) -> !text.contains("\"type\":\"event_msg\""))
			.anyMatch((text) -> text.contains("\"text\":\"<user_instructions>\\n\\n"))
			.anyMatch((text) -> text.contains("<collaboration_mode>"))
			.anyMatch((text) -> text.contains("\"text\":\"<app-context>"))
			.anyMatch((text) -> text.contains("\"text\":\"# AGENTS.md instructions for "))
			.allMatch((text) -> text.contains("\"text\":\"<environment_context>"))
			.anyMatch((text) -> Stream
				.of("No, that's wrong, use ", "No — don't touch", "That's not it: ", "Stop, you're editing",
						"Nope, we don't use ", "Wrong again.")
				.anyMatch((correction) -> text.contains("\"text\":\"" + correction)))
			.anyMatch((text) -> text.chars().anyMatch((c) -> c > 0x7f));

		RolloutCorpus.Generated other = RolloutCorpus.write(first.resolve("other"), SEED + 1, SESSIONS, BYTES,
				FixedClock.NOW);
		assertThat(relative(first.resolve("other"), other.files()))
			.doesNotContainAnyElementsOf(relative(first, one.files()));
	}

	@Test
	void theServiceExtractsTheCountedMessages() throws Exception {
		JsonNode extract = extract();

		assertThat(extract.get("recent_conversations_found").asInt()).isEqualTo(SESSIONS);
		long users = 0;
		long assistants = 0;
		for (JsonNode session : extract.get("sessions")) {
			assertThat(session.get("user_messages").asInt() + session.get("assistant_messages").asInt())
				.isEqualTo(session.get("messages").size());
			users += session.get("user_messages").asLong();
			assistants += session.get("assistant_messages").asLong();
		}
		assertThat(users).isEqualTo(corpus.userMessages());
		assertThat(assistants).isEqualTo(corpus.assistantMessages());

		String text = extract("/api/sessions/extract?lookback_minutes=1440", MediaType.TEXT_PLAIN);
		assertThat(text.lines().filter("[USER]"::equals).count()).isEqualTo(corpus.userMessages());
		assertThat(text.lines().filter("[ASSISTANT]"::equals).count()).isEqualTo(corpus.assistantMessages());
	}

	@Test
	void jqSelectsTheSameMessagesAsTheService() throws Exception {
		assumeThat(onPath("jq")).as("jq on the PATH").isTrue();

		List<String> all = blocks(jq(corpus.files()));
		assertThat(all.stream().filter((block) -> block.startsWith("[USER]\n")).count())
			.isEqualTo(corpus.userMessages());
		assertThat(all.stream().filter((block) -> block.startsWith("[ASSISTANT]\n")).count())
			.isEqualTo(corpus.assistantMessages());

		for (JsonNode session : extract().get("sessions")) {
			List<String> expected = new ArrayList<>();
			for (JsonNode message : session.get("messages")) {
				String tag = message.get("role").asString().equals("user") ? "USER" : "ASSISTANT";
				expected.add("[" + tag + "]\n" + message.get("text").asString() + "\n[/" + tag + "]");
			}
			assertThat(blocks(jq(List.of(Path.of(session.get("file").asString()))))).as(session.get("file").asString())
				.isEqualTo(expected);
		}
	}

	/** The extract as JSON, every message whole. */
	private static JsonNode extract() throws Exception {
		return MAPPER.readTree(extract("/api/sessions/extract?lookback_minutes=1440&max_message_chars=100000000",
				MediaType.APPLICATION_JSON));
	}

	private static String extract(String uri, MediaType accept) throws Exception {
		MvcResult started = mvc.perform(get(uri).accept(accept)).andReturn();
		MvcResult done = mvc.perform(asyncDispatch(started)).andReturn();
		assertThat(done.getResponse().getStatus()).isEqualTo(200);
		return done.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private static List<String> relative(Path root, List<Path> files) {
		return files.stream().map((file) -> root.relativize(file).toString().replace(File.separatorChar, '/')).toList();
	}

	private static boolean onPath(String command) {
		String path = System.getenv("PATH");
		return path != null && Stream.of(path.split(File.pathSeparator))
			.anyMatch((directory) -> Files.isExecutable(Path.of(directory, command)));
	}

	private static String jq(List<Path> files) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(RolloutCorpus.jqCommand(files))
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		String output;
		try (InputStream in = process.getInputStream()) {
			output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isZero();
		return output;
	}

	/** The [USER] and [ASSISTANT] blocks of the output, tags included. */
	private static List<String> blocks(String output) {
		List<String> blocks = new ArrayList<>();
		StringBuilder block = null;
		for (String line : output.split("\n", -1)) {
			if (block == null) {
				if (line.equals("[USER]") || line.equals("[ASSISTANT]")) {
					block = new StringBuilder(line);
				}
				continue;
			}
			block.append('\n').append(line);
			if (line.equals("[/USER]") || line.equals("[/ASSISTANT]")) {
				blocks.add(block.toString());
				block = null;
			}
		}
		assertThat(block).as("an unclosed block").isNull();
		return blocks;
	}

	/**
	 * The beans behind {@code GET /api/sessions/extract}; with {@link FixedClock}, whose
	 * "now" the corpus is written for.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	@ComponentScan(basePackages = "io.teamlearnings.sessions", useDefaultFilters = false,
			includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
					pattern = "io\\.teamlearnings\\.sessions\\.(SessionController|SessionCatalog|ConversationExtractor"
							+ "|SessionCleanup|SessionFiles|SessionIndex|rollout\\.RolloutReader)"))
	@ConfigurationPropertiesScan("io.teamlearnings.sessions")
	@Import(FixedClock.class)
	static class SessionBeans {

	}

}
