package io.teamlearnings.learnings.semantic;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

/**
 * The embedding models the service ships (langchain4j's in-process ONNX modules, each jar
 * carrying its quantized model), as {@code learnings.recall.semantic.model} names them.
 */
public enum EmbeddingModelChoice {

	/**
	 * BAAI bge-small-en-v1.5, quantized: 384 dimensions. Short queries are prefixed with
	 * the model's retrieval instruction, as its authors advise. On this project's machine
	 * about five times MiniLM's cost a query, two and a half a row.
	 */
	BGE_SMALL_EN_V15_Q("bge-small-en-v15-q", "bge-small-en-v1.5-q", PoolingMode.CLS, 384, 0.60,
			"Represent this sentence for searching relevant passages: "),

	/**
	 * sentence-transformers all-MiniLM-L6-v2, quantized: 384 dimensions, the default. Six
	 * layers to bge's twelve: a short query takes 1.6 ms on this project's machine (bge
	 * 7.7 ms), and the query's embedding is on hybrid recall's critical path; on the
	 * labelled sets its hybrid recall is as good (see the README).
	 */
	ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", "all-minilm-l6-v2-q", PoolingMode.MEAN, 384, 0.36, "");

	private final String id;

	/** The file name of the model and its tokenizer in the langchain4j module's jar. */
	private final String resource;

	private final PoolingMode pooling;

	private final int dimensions;

	private final double minSimilarity;

	private final String queryPrefix;

	EmbeddingModelChoice(String id, String resource, PoolingMode pooling, int dimensions, double minSimilarity,
			String queryPrefix) {
		this.id = id;
		this.resource = resource;
		this.pooling = pooling;
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
	 * The similarity below which a row shares no meaning with a query, for this model:
	 * just above the best row of 8 questions about nothing in the rows ("zzzz qqqq",
	 * "banana bread recipe", ...), measured against the 96 labelled and paraphrase
	 * questions ({@code SemanticRecallQualityTests}). bge: nonsense at most 0.60, every
	 * question's relevant row at least 0.61, so 0.60. MiniLM: nonsense at most 0.353
	 * ({@code zzzz qqqq}; the others 0.22 or less), so 0.36, below which 12 of the 96
	 * questions have every relevant row (questions that are mostly an identifier, such as
	 * {@code max_threads}); these are found by their words, in hybrid recall.
	 * @return 0.60 for bge, 0.36 for MiniLM
	 */
	public double minSimilarity() {
		return this.minSimilarity;
	}

	String queryPrefix() {
		return this.queryPrefix;
	}

	/**
	 * Loads the model from its langchain4j module's jar: about two seconds and 100 MB of
	 * native memory for bge. The model is read into native memory, not the heap, and a
	 * failure (the heap or native memory short) is an exception the next use retries: the
	 * modules' own classes read their 34 MB model into the heap in a static initializer,
	 * and one {@code OutOfMemoryError} there left the class, and semantic recall, broken
	 * until a restart (seen at 100,000 rows at {@code -Xmx512m}).
	 * @throws IllegalStateException if the model cannot be loaded
	 */
	EmbeddingModel load() {
		return load(0);
	}

	/**
	 * As {@link #load()}, running each text on at most {@code threads} threads.
	 * @param threads ONNX Runtime's intra-op threads: 0 for its default (one a core)
	 * @throws IllegalStateException if the model cannot be loaded
	 */
	EmbeddingModel load(int threads) {
		ClassLoader loader = switch (this) {
			case BGE_SMALL_EN_V15_Q -> BgeSmallEnV15QuantizedEmbeddingModel.class.getClassLoader();
			case ALL_MINILM_L6_V2_Q -> AllMiniLmL6V2QuantizedEmbeddingModel.class.getClassLoader();
		};
		URL model = loader.getResource(this.resource + ".onnx");
		try (InputStream tokenizer = loader.getResourceAsStream(this.resource + "-tokenizer.json")) {
			if (model == null || tokenizer == null) {
				throw new IllegalStateException("The jar of " + this.id + " holds no " + this.resource + ".onnx");
			}
			OrtEnvironment environment = OrtEnvironment.getEnvironment();
			OrtSession session;
			try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
				if (threads > 0) {
					options.setIntraOpNumThreads(threads);
				}
				session = environment.createSession(offHeap(model), options);
			}
			OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(environment, session, tokenizer, this.pooling);
			return new OwnModel(encoder);
		}
		catch (IOException | OrtException ex) {
			throw new IllegalStateException("Could not load the embedding model " + this.id, ex);
		}
	}

	/** The bytes at {@code url} in a direct buffer. */
	private static ByteBuffer offHeap(URL url) throws IOException {
		URLConnection connection = url.openConnection();
		long length = connection.getContentLengthLong();
		if (length < 0 || length > Integer.MAX_VALUE) {
			throw new IOException("Unknown or too large size of " + url);
		}
		ByteBuffer buffer = ByteBuffer.allocateDirect((int) length);
		try (ReadableByteChannel channel = Channels.newChannel(connection.getInputStream())) {
			while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
				// fills the buffer
			}
		}
		if (buffer.hasRemaining()) {
			throw new IOException("Read " + buffer.position() + " of " + length + " bytes of " + url);
		}
		return buffer.flip();
	}

	/** A langchain4j in-process model over an encoder opened here. */
	private static final class OwnModel extends AbstractInProcessEmbeddingModel {

		private final OnnxBertBiEncoder encoder;

		OwnModel(OnnxBertBiEncoder encoder) {
			super(null);
			this.encoder = encoder;
		}

		@Override
		protected OnnxBertBiEncoder model() {
			return this.encoder;
		}

	}

}
