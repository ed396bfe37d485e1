package io.teamlearnings.learnings.semantic;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Vectors kept as one signed byte a dimension still give the cosine similarity.
 */
class TextEmbedderTests {

	@Test
	void quantizesToUnitLengthSoTheDotProductIsTheCosine() {
		float[] a = { 3, 4, 0 };
		float[] b = { 4, 3, 0 };
		byte[] qa = TextEmbedder.quantize(a);
		byte[] qb = TextEmbedder.quantize(b);

		assertThat(qa).containsExactly(76, 102, 0);
		assertThat(TextEmbedder.cosine(qa, qa, 0)).isCloseTo(1.0, within(0.01));
		assertThat(TextEmbedder.cosine(qa, qb, 0)).isCloseTo(24.0 / 25, within(0.01));
		assertThat(TextEmbedder.cosine(qa, TextEmbedder.quantize(new float[] { -3, -4, 0 }), 0)).isCloseTo(-1.0,
				within(0.01));
	}

	@Test
	void loadsEachModelAsItsOwnLangchain4jModuleDoes() {
		String text = "Pair Codex automation definitions with a launchd-backed headless runner.";
		float[] bge = EmbeddingModelChoice.BGE_SMALL_EN_V15_Q.load().embed(text).content().vector();
		float[] bgeModule = new dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel()
			.embed(text)
			.content()
			.vector();
		float[] miniLm = EmbeddingModelChoice.ALL_MINILM_L6_V2_Q.load().embed(text).content().vector();
		float[] miniLmModule = new dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel()
			.embed(text)
			.content()
			.vector();

		assertThat(bge).hasSize(EmbeddingModelChoice.BGE_SMALL_EN_V15_Q.dimensions()).containsExactly(bgeModule);
		assertThat(miniLm).hasSize(EmbeddingModelChoice.ALL_MINILM_L6_V2_Q.dimensions()).containsExactly(miniLmModule);
	}

	@Test
	void readsAVectorAtItsOffsetInTheSnapshot() {
		byte[] query = TextEmbedder.quantize(new float[] { 1, 0 });
		byte[] rows = new byte[] { 0, 127, 127, 0 };
		assertThat(TextEmbedder.cosine(query, rows, 0)).isCloseTo(0.0, within(0.01));
		assertThat(TextEmbedder.cosine(query, rows, 2)).isCloseTo(1.0, within(0.01));
	}

	@Test
	void leavesAZeroVectorZero() {
		assertThat(TextEmbedder.quantize(new float[] { 0, 0 })).containsExactly(0, 0);
	}

	@Test
	void embedsFullWidthLettersAndLigaturesAsThePlainLetters() {
		TextEmbedder embedder = new TextEmbedder(new SemanticProperties(true, EmbeddingModelChoice.BGE_SMALL_EN_V15_Q,
				32, java.time.Duration.ofSeconds(2), 100, 5, 1000, 0.15, null));
		assertThat(embedder.query("\uff44\uff4f\uff43\uff4b\uff45\uff52 \ufb01le watcher"))
			.containsExactly(embedder.query("docker file watcher"));
		assertThat(
				embedder.rows(java.util.List.of("\uff52\uff45\uff53\uff45\uff52\uff56\uff41\uff54\uff49\uff4f\uff4e"))
					.get(0))
			.containsExactly(embedder.rows(java.util.List.of("reservation")).get(0));
	}

}
