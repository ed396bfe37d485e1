package io.teamlearnings.learnings.jsonl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LearningLogTests {

	@TempDir
	Path dir;

	@Test
	void createsTheFileWithOneCompleteLinePerRow() throws IOException {
		Path file = this.dir.resolve(".learnings.jsonl");
		LearningLog.append(file, "{\"id\":\"a\"}");
		LearningLog.append(file, "{\"id\":\"b\"}", "{\"id\":\"c\"}");
		assertThat(Files.readString(file)).isEqualTo("{\"id\":\"a\"}\n{\"id\":\"b\"}\n{\"id\":\"c\"}\n");
	}

	@Test
	void startsANewLineAfterATornWriteAndLeavesItsBytesAlone() throws IOException {
		Path file = this.dir.resolve(".learnings.jsonl");
		Files.writeString(file, "{\"id\":\"a\"}\n{\"id\":\"torn");
		LearningLog.append(file, "{\"id\":\"b\"}");
		assertThat(Files.readAllLines(file)).containsExactly("{\"id\":\"a\"}", "{\"id\":\"torn", "{\"id\":\"b\"}");
	}

}
