package io.teamlearnings.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import tools.jackson.databind.JsonNode;

/**
 * The reference a user could build instead of the service: plain Lucene BM25 with its
 * English analyzer, in-process, over the same rows and fields with the service's default
 * field weights (learning 3, application 1.5, evidence 1, context 1, tags 2).
 */
final class LuceneBaseline implements AutoCloseable {

	private static final Map<String, Float> FIELD_WEIGHTS = Map.of("learning", 3.0f, "application", 1.5f, "evidence",
			1.0f, "context", 1.0f, "tags", 2.0f);

	private final Analyzer analyzer = new EnglishAnalyzer();

	private final ByteBuffersDirectory directory = new ByteBuffersDirectory();

	private final DirectoryReader reader;

	private final IndexSearcher searcher;

	LuceneBaseline(Iterable<JsonNode> rows) {
		IndexWriterConfig config = new IndexWriterConfig(this.analyzer).setSimilarity(new BM25Similarity())
			.setRAMBufferSizeMB(256);
		try (IndexWriter writer = new IndexWriter(this.directory, config)) {
			for (JsonNode row : rows) {
				Document document = new Document();
				document.add(new StoredField("id", row.path("id").asString()));
				document.add(new TextField("learning", row.path("learning").asString(), Field.Store.NO));
				document.add(new TextField("application", row.path("application").asString(), Field.Store.NO));
				document.add(new TextField("evidence", join(row.path("evidence"), "\n"), Field.Store.NO));
				JsonNode context = row.path("context");
				document.add(new TextField("context", context.path("repo").asString("") + " "
						+ context.path("branch").asString("") + " " + join(context.path("paths"), " "),
						Field.Store.NO));
				document.add(new TextField("tags", join(row.path("tags"), " "), Field.Store.NO));
				writer.addDocument(document);
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
	}

}
