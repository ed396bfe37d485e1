package io.teamlearnings.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reference a user could build instead of the service: plain Lucene BM25 with its
 * English analyzer, in-process, over the same rows and fields with the service's default
 * field weights (learning 3, application 1.5, evidence 1, context 1, tags 2). One row is
 * one document of five text fields ({@link #document(JsonNode)}); {@link #index} is the
 * rebuild reference, the same documents written to an index on disk.
 */
final class LuceneBaseline implements AutoCloseable {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final Map<String, Float> FIELD_WEIGHTS = Map.of("learning", 3.0f, "application", 1.5f, "evidence",
			1.0f, "context", 1.0f, "tags", 2.0f);

	private final Analyzer analyzer = new EnglishAnalyzer();

	private final Directory directory;

	private final DirectoryReader reader;

	private final IndexSearcher searcher;

	/** An index of the rows in memory, merged into one segment. */
	LuceneBaseline(Iterable<JsonNode> rows) {
		this(new ByteBuffersDirectory(), rows);
	}

	private LuceneBaseline(Directory directory, Iterable<JsonNode> rows) {
		this.directory = directory;
		IndexWriterConfig config = new IndexWriterConfig(this.analyzer).setSimilarity(new BM25Similarity())
			.setOpenMode(IndexWriterConfig.OpenMode.CREATE)
			.setRAMBufferSizeMB(256);
		try (IndexWriter writer = new IndexWriter(this.directory, config)) {
			for (JsonNode row : rows) {
				writer.addDocument(document(row));
			}
			writer.forceMerge(1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			this.reader = DirectoryReader.open(this.directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.searcher = new IndexSearcher(this.reader);
		this.searcher.setSimilarity(new BM25Similarity());
	}

	/**
	 * An index of every line of a {@code .learnings.jsonl} file, read as a stream (a
	 * million rows are never held), in {@code indexDirectory} on disk, merged into one
	 * segment.
	 */
	static LuceneBaseline ofFile(Path file, Path indexDirectory) {
		try (Stream<String> lines = Files.lines(file)) {
			Iterator<JsonNode> rows = lines.map(MAPPER::readTree).iterator();
			return new LuceneBaseline(FSDirectory.open(indexDirectory), () -> rows);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The rebuild reference: reads {@code file} line by line, parses each line with
	 * Jackson ({@code JsonMapper.readTree}), adds it as {@link #document(JsonNode)} to a
	 * new index in {@code indexDirectory} with one {@link IndexWriter} (Lucene's default
	 * buffer and merge policy, the English analyzer, BM25) and commits, which syncs the
	 * index files to disk.
	 * @return the rows indexed
	 */
	static long index(Path file, Path indexDirectory) {
		long rows = 0;
		try (Analyzer analyzer = new EnglishAnalyzer();
				Directory directory = FSDirectory.open(indexDirectory);
				IndexWriter writer = new IndexWriter(directory,
						new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity())
							.setOpenMode(IndexWriterConfig.OpenMode.CREATE));
				BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String line;
			while ((line = lines.readLine()) != null) {
				writer.addDocument(document(MAPPER.readTree(line)));
				rows++;
			}
			writer.commit();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rows;
	}

	/**
	 * One row as a document: its id stored, and the five fields the service ranks by as
	 * text ({@code learning}, {@code application}, {@code evidence} items one a line,
	 * {@code context} as repo, branch and paths, {@code tags}).
	 */
	static Document document(JsonNode row) {
		Document document = new Document();
		document.add(new StoredField("id", row.path("id").asString()));
		document.add(new TextField("learning", row.path("learning").asString(), Field.Store.NO));
		document.add(new TextField("application", row.path("application").asString(), Field.Store.NO));
		document.add(new TextField("evidence", join(row.path("evidence"), "\n"), Field.Store.NO));
		JsonNode context = row.path("context");
		document.add(new TextField("context", context.path("repo").asString("") + " "
				+ context.path("branch").asString("") + " " + join(context.path("paths"), " "), Field.Store.NO));
		document.add(new TextField("tags", join(row.path("tags"), " "), Field.Store.NO));
		return document;
	}

	/** Ids of the best {@code limit} rows for {@code text}, best first. */
	List<String> search(String text, int limit) {
		Set<String> terms = terms(text);
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		for (Map.Entry<String, Float> field : FIELD_WEIGHTS.entrySet()) {
			for (String term : terms) {
				Query clause = new BoostQuery(new TermQuery(new Term(field.getKey(), term)), field.getValue());
				query.add(clause, BooleanClause.Occur.SHOULD);
			}
		}
		try {
			List<String> ids = new ArrayList<>(limit);
			for (ScoreDoc hit : this.searcher.search(query.build(), limit).scoreDocs) {
				ids.add(this.searcher.storedFields().document(hit.doc).get("id"));
			}
			return ids;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Set<String> terms(String text) {
		Set<String> terms = new LinkedHashSet<>();
		try (TokenStream stream = this.analyzer.tokenStream("learning", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				terms.add(term.toString());
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return terms;
	}

	private static String join(JsonNode array, String separator) {
		List<String> parts = new ArrayList<>();
		array.forEach((item) -> parts.add(item.asString()));
		return String.join(separator, parts);
	}

	@Override
	public void close() throws IOException {
		this.reader.close();
		this.analyzer.close();
		this.directory.close();
	}

}
