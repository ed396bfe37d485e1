package io.teamlearnings.learnings.semantic;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The configured embedding model, loaded on first use (never at start-up), turning texts
 * into unit vectors quantized to one signed byte a dimension. Texts are brought to
 * Unicode NFKC first, as lexical recall's analysis brings them
 * ({@code io.teamlearnings.learnings.analysis.TextAnalysis}): the models' WordPiece
 * vocabulary knows {@code file} and {@code docker}, not the ligature in {@code ﬁle} or
 * full-width letters, which it reads as unknown pieces.
 */
@Component
public class TextEmbedder {

	private static final Logger log = LoggerFactory.getLogger(TextEmbedder.class);

	private final EmbeddingModelChoice choice;

	/** The model twice, once for each use; null until first used. */
	@Nullable private volatile Sessions sessions;

	/**
	 * One session of the model for the background worker's rows, on every core, and one
	 * for queries, on one thread: a recall ranks its rows lexically on another core while
	 * its query is embedded, and a query spread over both cores waits for that work (bge
	 * beside a busy thread: p50 9.4 ms on one thread, 14 ms over both; alone, about 8 ms
	 * either way).
	 */
	private record Sessions(EmbeddingModel rows, EmbeddingModel queries) {
	}

	TextEmbedder(SemanticProperties properties) {
		this.choice = properties.model();
	}

	/**
	 * The model's name, as stored beside each embedding.
	 * @return e.g. {@code bge-small-en-v15-q}
	 */
	public String modelId() {
		return this.choice.id();
	}

	/**
	 * The length of the model's vectors.
	 * @return e.g. 384
	 */
	public int dimensions() {
		return this.choice.dimensions();
	}

	/**
	 * A query's vector, with the model's retrieval instruction for queries.
	 * @param query what is asked
	 * @return its quantized unit vector
	 */
	public byte[] query(String query) {
		return quantize(sessions().queries().embed(this.choice.queryPrefix() + nfkc(query)).content().vector());
	}

	/**
	 * Rows' vectors.
	 * @param texts the texts, in order
	 * @return their quantized unit vectors, in the same order
	 */
	List<byte[]> rows(List<String> texts) {
		List<Embedding> embeddings = sessions().rows()
			.embedAll(texts.stream().map((text) -> TextSegment.from(nfkc(text))).toList())
			.content();
		List<byte[]> vectors = new ArrayList<>(embeddings.size());
		embeddings.forEach((embedding) -> vectors.add(quantize(embedding.vector())));
		return vectors;
	}

	private static String nfkc(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC);
	}

	private Sessions sessions() {
		Sessions loaded = this.sessions;
		if (loaded == null) {
			synchronized (this) {
				loaded = this.sessions;
				if (loaded == null) {
					long start = System.nanoTime();
					loaded = new Sessions(this.choice.load(), this.choice.load(1));
					this.sessions = loaded;
					log.info("Loaded embedding model {} in {} ms", this.choice.id(),
							(System.nanoTime() - start) / 1_000_000);
				}
			}
		}
		return loaded;
	}

	/**
	 * {@code vector} scaled to unit length, each dimension as {@code round(x * 127)}: the
	 * dot product of two such vectors over {@code 127 * 127} is their cosine similarity
	 * to within about 0.01.
	 */
	static byte[] quantize(float[] vector) {
		double norm = 0;
		for (float x : vector) {
			norm += x * x;
		}
		double scale = (norm > 0) ? 127 / Math.sqrt(norm) : 0;
		byte[] quantized = new byte[vector.length];
		for (int i = 0; i < vector.length; i++) {
			quantized[i] = (byte) Math.max(-127, Math.min(127, Math.round(vector[i] * scale)));
		}
		return quantized;
	}

	/**
	 * The cosine similarity of two quantized unit vectors.
	 * @return -1 to 1
	 */
	static double cosine(byte[] a, byte[] b, int offset) {
		int dot = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[offset + i];
		}
		return dot / (127.0 * 127.0);
	}

}
