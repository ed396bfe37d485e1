package io.teamlearnings.learnings.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.teamlearnings.learnings.analysis.TermVector;
import io.teamlearnings.learnings.analysis.TermsAhead;
import io.teamlearnings.learnings.analysis.TextAnalysis;
import io.teamlearnings.learnings.jsonl.LearningRow;
import io.teamlearnings.learnings.jsonl.LineParser;
import io.teamlearnings.repos.Repo;
import io.teamlearnings.support.LearningLines;
import io.teamlearnings.system.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Indexing a file in chunks, on several threads, gives the index a whole-file pass in one
 * thread would: a rebuild and the syncs of the same file as it grew a few lines at a time
 * hold the same rows, columns, malformed lines and chains, whatever falls on a chunk
 * boundary (malformed lines, odd values, links across chunks); every row's offset, length
 * and digest name its line in the file; and the stored terms are those of the text
 * analysis, whether a writer analysed a row's texts ahead (then the sync takes them) or
 * not.
 */
@JdbcTest
@Import(IndexSlice.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class ChunkedIndexingTests {

	private static final int CHUNK = LineIndexer.CHUNK_LINES;

	private static final String COLUMNS = "line_no, byte_offset, byte_length, RAWTOHEX(line_sha256) AS sha256, id, captured_ts, status,"
			+ " learning, application, evidence, fingerprint, tags, paths, related_ids, supersedes_id, superseded_by,"
			+ " duplicate_hash, terms, field_lengths";

	@TempDir
	Path rebuilt;

	@TempDir
	Path grown;

	@Autowired
	LearningIndex index;

	@Autowired
	LineParser parser;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TermsAhead ahead;

	@Test
	void aRebuildIndexesWhatSyncingTheGrowingFileIndexed() throws IOException {
		List<String> lines = fileAcrossChunks();
		Repo whole = new Repo("chunked-rebuilt", this.rebuilt);
		Repo growing = new Repo("chunked-grown", this.grown);
		Files.write(whole.storeFile(), lines);

		LearningIndex.SyncReport report = this.index.rebuild(whole);
		int written = 0;
		for (int step : new int[] { 1, 7, CHUNK - 9, 2, CHUNK + 3, 40, 1, CHUNK * 2 }) {
			int end = Math.min(lines.size(), written + step);
			Files.write(growing.storeFile(), lines.subList(written, end), StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
			written = end;
			this.index.sync(growing);
		}

		assertThat(written).isEqualTo(lines.size());
		assertThat(report.rebuilt()).isTrue();
		assertThat(report.malformedAdded()).isEqualTo(4);
		assertThat(rows(whole)).hasSize(lines.size() - 4).isEqualTo(rows(growing));
		assertThat(malformed(whole)).hasSize(4).isEqualTo(malformed(growing));
		assertThat(this.index.rowsDigest(whole.name())).isEqualTo(this.index.rowsDigest(growing.name()));
		assertThat(supersededBy(whole, "lrn-3")).isEqualTo("lrn-1100,lrn-1102");
		assertThat(supersededBy(whole, "lrn-1102")).isEqualTo("lrn-1201");
		assertThat(this.index.headOf(whole.name(), "lrn-3")).isEqualTo("lrn-1201");
		assertThat(this.index.headOf(growing.name(), "lrn-3")).isEqualTo("lrn-1201");
	}

	@Test
	void everyRowNamesItsLineAndCarriesTheTermsOfTheTextAnalysis() throws IOException {
		List<String> lines = fileAcrossChunks();
		Repo repo = new Repo("chunked-lines", this.rebuilt);
		Files.write(repo.storeFile(), lines);

		this.index.rebuild(repo);

		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"SELECT line_no, byte_offset, byte_length, line_sha256, terms, field_lengths FROM learning_row"
						+ " WHERE repo = ? ORDER BY line_no",
				repo.name());
		assertThat(rows).hasSize(lines.size() - 4);
		try (FileChannel file = FileChannel.open(repo.storeFile()); TextAnalysis analysis = new TextAnalysis()) {
			for (Map<String, Object> row : rows) {
				String line = lines.get((int) ((long) row.get("line_no")) - 1);
				ByteBuffer bytes = ByteBuffer.allocate((int) row.get("byte_length"));
				file.read(bytes, (long) row.get("byte_offset"));
				assertThat(new String(bytes.array(), StandardCharsets.UTF_8)).isEqualTo(line);
				assertThat(Sha256.hex(line)).isEqualTo(HexFormat.of().formatHex((byte[]) row.get("line_sha256")));
				TermVector.Encoded terms = TermVector.encode(
						((LineParser.Row) this.parser.parse(line.getBytes(StandardCharsets.UTF_8))).row(), analysis);
				assertThat(row.get("terms")).as(line).isEqualTo(terms.entries());
				assertThat(row.get("field_lengths")).isEqualTo(terms.lengths());
			}
		}
	}

	@Test
	void textsAWriterAnalysedAheadAreTakenAndIndexedAsTheAnalysisWouldIndexThem() throws IOException {
		Repo repo = new Repo("chunked-ahead", this.rebuilt);
		LearningLines.Line written = row(5);
		LearningRow parsed = ((LineParser.Row) this.parser.parse(written.json().getBytes(StandardCharsets.UTF_8)))
			.row();
		String[] texts = TermVector.texts(parsed.learning(), parsed.application(), parsed.evidence(),
				parsed.contextRepo(), parsed.branch(), parsed.paths(), parsed.tags());
		for (String text : texts) {
			this.ahead.analyse(text);
		}
		Files.write(repo.storeFile(), List.of(row(4).json(), written.json()));

		this.index.sync(repo);

		try (TextAnalysis analysis = new TextAnalysis()) {
			TermVector.Encoded terms = TermVector.encode(parsed, analysis);
			assertThat(this.jdbc.queryForMap("SELECT terms, field_lengths FROM learning_row WHERE repo = ? AND id = ?",
					repo.name(), parsed.id()))
				.containsEntry("TERMS", terms.entries())
				.containsEntry("FIELD_LENGTHS", terms.lengths());
		}
		assertThat(texts).allSatisfy((text) -> assertThat(this.ahead.take(text)).as(text).isNull());
	}

	private List<Map<String, Object>> rows(Repo repo) {
		return this.jdbc.queryForList("SELECT " + COLUMNS + " FROM learning_row WHERE repo = ? ORDER BY line_no",
				repo.name());
	}

	private List<Map<String, Object>> malformed(Repo repo) {
		return this.jdbc.queryForList(
				"SELECT line_no, byte_offset, reason FROM malformed_line WHERE repo = ? ORDER BY line_no", repo.name());
	}

	private String supersededBy(Repo repo, String id) {
		return this.jdbc.queryForObject("SELECT superseded_by FROM learning_row WHERE repo = ? AND id = ?",
				String.class, repo.name(), id);
	}

	/**
	 * Rows over three chunks: malformed lines on both sides of the first chunk boundary
	 * and in the middle of the last chunk, rows with odd values at the second boundary,
	 * links from later chunks to earlier ones, a re-used id, shared contexts and tags,
	 * and a few texts repeated as the analysis remembers them.
	 */
	private static List<String> fileAcrossChunks() {
		List<String> lines = new ArrayList<>();
		for (int i = 1; i <= 2 * CHUNK + 300; i++) {
			int n = lines.size() + 1;
			if (n == CHUNK || n == CHUNK + 1) {
				lines.add((n == CHUNK) ? "{\"id\": \"lrn-torn\", \"learning\": \"cut" : "not json at all");
			}
			else if (n == 2 * CHUNK + 150) {
				lines.add("[\"an array, not a row\"]");
			}
			else if (n == 2 * CHUNK + 151) {
				lines.add("{\"learning\": \"no id\"}");
			}
			else if (n == 2 * CHUNK || n == 2 * CHUNK + 1) {
				lines.add("{\"id\":\"lrn-odd-" + n + "\",\"status\":" + n + ",\"learning\":{\"nested\":[1,2]},"
						+ "\"evidence\":\"one string\",\"tags\":\"Alpha, beta\",\"captured_at\":\"99999-01-01T00:00:00Z\","
						+ "\"context\":{\"paths\":[\"src/Odd.java\",7]},\"application\":\"\\u00e9t\\u00e9 \\ud83d\\ude00\"}");
			}
			else {
				lines.add(row(n).json());
			}
		}
		return lines;
	}

	private static LearningLines.Line row(int n) {
		String id = (n == 1202) ? "lrn-7" : "lrn-" + n;
		LearningLines.Line row = LearningLines.row(id)
			.capturedAt(String.format("2026-01-%02dT%02d:%02d:00Z", 1 + n % 28, n % 24, n % 60))
			.status((n % 5 == 0) ? "codify_now" : "do_more")
			.learning((n % 97 == 0) ? "When the same text comes back, prefer the remembered terms because it is common."
					: "When row " + n + " is indexed in chunks, keep its terms because recall ranks by them.")
			.evidence("run " + n + " passed", "src/index/Row" + (n % 13) + ".java")
			.application("Check row " + n + " against the file.")
			.paths("src/main/java/io/teamlearnings/Module" + (n % 11) + ".java", "README.md")
			.tags("index", "chunk-" + (n % 3));
		if (n == 1100 || n == 1102) {
			row.supersedes("lrn-3");
		}
		else if (n == 1201) {
			row.supersedes("lrn-1102");
		}
		else if (n == 1250) {
			row.withdraws("lrn-40");
		}
		return row;
	}

}
