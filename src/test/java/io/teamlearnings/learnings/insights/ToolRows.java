package io.teamlearnings.learnings.insights;

import java.util.Arrays;
import java.util.List;

/**
 * Rows for the tests of the views that follow the learnings tool's grouping: a
 * {@code do_more} row of repository {@code acme/app} on branch {@code main}, captured at
 * 2026-11-01T00:00:00Z, with nothing else set until a test sets it.
 */
final class ToolRows {

	private final String id;

	private String capturedAt = "2026-11-01T00:00:00Z";

	private String status = "do_more";

	private String learning = "";

	private String application = "";

	private List<String> evidence = List.of();

	private List<String> tags = List.of();

	private List<String> paths = List.of();

	private String repo = "acme/app";

	private String branch = "main";

	private ToolRows(String id) {
		this.id = id;
	}

	static ToolRows row(String id) {
		return new ToolRows(id);
	}

	ToolRows capturedAt(String capturedAt) {
		this.capturedAt = capturedAt;
		return this;
	}

	ToolRows status(String status) {
		this.status = status;
		return this;
	}

	ToolRows learning(String learning) {
		this.learning = learning;
		return this;
	}

	ToolRows application(String application) {
		this.application = application;
		return this;
	}

	ToolRows evidence(String... evidence) {
		this.evidence = Arrays.asList(evidence);
		return this;
	}

	ToolRows tags(String... tags) {
		this.tags = Arrays.asList(tags);
		return this;
	}

	ToolRows paths(String... paths) {
		this.paths = Arrays.asList(paths);
		return this;
	}

	ToolRows repo(String repo) {
		this.repo = repo;
		return this;
	}

	ToolRows branch(String branch) {
		this.branch = branch;
		return this;
	}

	ToolRow build() {
		return new ToolRow(this.id, this.capturedAt, this.status, this.learning, this.application, this.evidence,
				this.tags, this.paths, this.repo, this.branch);
	}

}
