package io.teamlearnings.learnings.index;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Looks into the index directly, beside the code under test.
 */
@TestComponent
class JdbcProbe {

	private final JdbcTemplate jdbc;

	JdbcProbe(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	long rowsWithLearning(String learning) {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM learning_row WHERE learning = ?", Long.class,
				learning);
		return (count != null) ? count : 0;
	}

}
