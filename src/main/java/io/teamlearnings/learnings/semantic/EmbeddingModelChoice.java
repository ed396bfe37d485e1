package io.teamlearnings.learnings.semantic;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

/**
 * The embedding models the service ships (langchain4j's in-process ONNX modules, each jar
 * carrying its quantized model), as {@code learnings.recall.semantic.model} names them.
 */
public enum EmbeddingModelChoice {

	/**
	 * BAAI bge-small-en-v1.5, quantized: 384 dimensions. Short queries are prefixed with
	 * the model's retrieval instruction, as its authors advise.
	 */
	BGE_SMALL_EN_V15_Q("bge-small-en-v15-q", 384, 0.60, "Represent this sentence for searching relevant passages: "),

	/** sentence-transformers all-MiniLM-L6-v2, quantized: 384 dimensions, faster. */
	ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", 384, 0.20, "");

	private final String id;

	private final int dimensions;

	private final double minSimilarity;

	private final String queryPrefix;

	EmbeddingModelChoice(String id, int dimensions, double minSimilarity, String queryPrefix) {
		this.id = id;
		this.dimensions = dimensions;
		this.minSimilarity = minSimilarity;
		this.queryPrefix = queryPrefix;
	}

	/**
	 * The name settings and stored embeddings use.
	 * @return e.g. {@code bge-small-en-v15-q}
	 */
	public String id() {
		return this.id;
	}

	/**
	 * The length of the model's vectors.
	 * @return 384 for both shipped models
	 */
	public int dimensions() {
		return this.dimensions;
	}

	/**
	 * The similarity below which a row shares no meaning with a query, for this model.
	 * Measured on the 96 labelled and paraphrase questions and 8 questions about nothing
	 * in the rows ("zzzz qqqq", "banana bread recipe", ...): bge gives every question's
	 * relevant row at least 0.61 and the nonsense at most 0.60, so 0.60; MiniLM's two
	 * ranges overlap (relevant rows from 0.17, nonsense up to 0.35), so 0.20 keeps all
	 * but a few relevant rows and drops most nonsense.
	 * @return 0.60 for bge, 0.20 for MiniLM
	 */
	public double minSimilarity() {
		return this.minSimilarity;
	}

	String queryPrefix() {
		return this.queryPrefix;
	}

	/** Loads the model: about two seconds and 100 MB of native memory for bge. */
	EmbeddingModel load() {
		return switch (this) {
			case BGE_SMALL_EN_V15_Q -> new BgeSmallEnV15QuantizedEmbeddingModel();
			case ALL_MINILM_L6_V2_Q -> new AllMiniLmL6V2QuantizedEmbeddingModel();
		};
	}

}
