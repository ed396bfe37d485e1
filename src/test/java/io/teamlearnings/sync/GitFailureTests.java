package io.teamlearnings.sync;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GitFailureTests {

	@Test
	void keepsNoCredentialsOfARemoteUrl() {
		String redacted = GitFailure
			.redact("fatal: unable to access 'https://alice:ghp_s3cr3t@git.example.com/team/app.git/': 403\n\n"
					+ "remote: ssh://deploy:pw@host/repo");

		assertThat(redacted).doesNotContain("alice", "ghp_s3cr3t", "deploy:pw")
			.contains("https://***@git.example.com/team/app.git/", "ssh://***@host/repo");
	}

	@Test
	void keepsTheFirstLinesOfALongMessage() {
		assertThat(GitFailure.withoutUserInfo("remote https://bob:SUPER@SECRET42@127.0.0.1:9/team/app.git?x=a@b"))
			.isEqualTo("remote https://***@127.0.0.1:9/team/app.git?x=a@b");
		assertThat(GitFailure.redact("a\nb\nc\nd\ne\nf")).isEqualTo("a / b / c / d");
		assertThat(GitFailure.redact("x".repeat(1000))).hasSize(403);
		assertThat(GitFailure.redact("  \n")).isEqualTo("no message from git");
	}

}
