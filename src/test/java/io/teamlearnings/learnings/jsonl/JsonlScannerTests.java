package io.teamlearnings.learnings.jsonl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class JsonlScannerTests {

	@TempDir
	Path dir;

	@Test
	void numbersCompleteLinesWithTheirOffsets() throws IOException {
		Path file = write("{\"id\":\"a\"}\n\n{\"id\":\"b\"}\n");
		List<JsonlScanner.RawLine> lines = new ArrayList<>();
		JsonlScanner.ScanEnd end = JsonlScanner.scan(file, 0, 1, lines::add);
		assertThat(lines).extracting(JsonlScanner.RawLine::number).containsExactly(1L, 2L, 3L);
		assertThat(lines).extracting(JsonlScanner.RawLine::offset).containsExactly(0L, 11L, 12L);
		assertThat(new String(lines.get(2).bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"b\"}");
		assertThat(end).isEqualTo(new JsonlScanner.ScanEnd(23, 4, 0));
	}

	@Test
	void leavesATornLastLineForLater() throws IOException {
		Path file = write("{\"id\":\"a\"}\n{\"id\":");
		List<JsonlScanner.RawLine> lines = new ArrayList<>();
		JsonlScanner.ScanEnd end = JsonlScanner.scan(file, 0, 1, lines::add);
		assertThat(lines).hasSize(1);
		assertThat(end).isEqualTo(new JsonlScanner.ScanEnd(11, 2, 6));
	}

	@Test
	void resumesFromAnOffsetAcrossBufferBoundaries() throws IOException {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 3000; i++) {
			text.append("{\"id\":\"row-").append(i).append("\",\"pad\":\"").append("x".repeat(i % 97)).append("\"}\n");
		}
		Path file = write(text.toString());
		List<JsonlScanner.RawLine> first = new ArrayList<>();
		JsonlScanner.scan(file, 0, 1, first::add);
		JsonlScanner.RawLine middle = first.get(1500);
		List<JsonlScanner.RawLine> rest = new ArrayList<>();
		JsonlScanner.ScanEnd end = JsonlScanner.scan(file, middle.offset(), middle.number(), rest::add);
		assertThat(first).hasSize(3000);
		assertThat(rest).hasSize(1500);
		assertThat(new String(rest.get(0).bytes(), StandardCharsets.UTF_8)).startsWith("{\"id\":\"row-1500\"");
		assertThat(end.endOffset()).isEqualTo(Files.size(file));
	}

	@Test
	void readsAMissingFileAsEmpty() throws IOException {
		assertThat(JsonlScanner.scan(this.dir.resolve("absent.jsonl"), 0, 1, (line) -> {
		})).isEqualTo(new JsonlScanner.ScanEnd(0, 1, 0));
	}

	private Path write(String text) throws IOException {
		Path file = this.dir.resolve("store.jsonl");
		Files.writeString(file, text);
		return file;
	}

}
