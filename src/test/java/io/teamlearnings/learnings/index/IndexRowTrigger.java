package io.teamlearnings.learnings.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.h2.api.Trigger;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An H2 trigger on the index's rows: it is called the moment the index takes a row, in
 * the index's own transaction, so a test can look at the file and the index at that
 * moment, or make the index fail to take the row. Acts only on the one learning a test
 * watches; installed on the shared index for the test and removed after it.
 */
public class IndexRowTrigger implements Trigger {

	private static final String NAME = "index_row_test_trigger";

	private static volatile Watch watch;

	private int learningColumn = -1;

	/** What a test watches: rows with this learning, whose file is this. */
	private record Watch(String learning, Path file, boolean fail, List<String> observed) {
	}

	/**
	 * Records, for each row with {@code learning} the index takes, whether the file and
	 * the index held it just before: {@code "file=true index=false"}.
	 * @return the observations, in order
	 */
	static List<String> observe(JdbcTemplate jdbc, String learning, Path file) {
		List<String> observed = new CopyOnWriteArrayList<>();
		install(jdbc, new Watch(learning, file, false, observed));
		return observed;
	}

	/** Makes the index fail to take any row with {@code learning}, until removed. */
	static void fail(JdbcTemplate jdbc, String learning, Path file) {
		install(jdbc, new Watch(learning, file, true, new CopyOnWriteArrayList<>()));
	}

	/** Takes the trigger off the index. */
	static void remove(JdbcTemplate jdbc) {
		watch = null;
		jdbc.execute("DROP TRIGGER IF EXISTS " + NAME);
	}

	private static void install(JdbcTemplate jdbc, Watch wanted) {
		watch = wanted;
		jdbc.execute("CREATE TRIGGER IF NOT EXISTS " + NAME + " BEFORE INSERT ON indexed_row FOR EACH ROW CALL '"
				+ IndexRowTrigger.class.getName() + "'");
	}

	@Override
	public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean before,
			int type) throws SQLException {
		try (ResultSet columns = connection.getMetaData().getColumns(null, schemaName, tableName, "LEARNING")) {
			if (columns.next()) {
				this.learningColumn = columns.getInt("ORDINAL_POSITION") - 1;
			}
		}
		if (this.learningColumn < 0) {
			throw new SQLException("no column LEARNING in " + tableName);
		}
	}

	@Override
	public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
		Watch current = watch;
		if (current == null || newRow == null || !current.learning().equals(newRow[this.learningColumn])) {
			return;
		}
		if (current.fail()) {
			throw new SQLException("index unavailable (injected by " + getClass().getSimpleName() + ")");
		}
		current.observed().add("file=" + inFile(current) + " index=" + inIndex(connection, current.learning()));
	}

	private static boolean inFile(Watch current) throws SQLException {
		try {
			return Files.exists(current.file()) && Files.readString(current.file()).contains(current.learning());
		}
		catch (IOException ex) {
			throw new SQLException(ex);
		}
	}

	private static boolean inIndex(Connection connection, String learning) throws SQLException {
		try (PreparedStatement count = connection
			.prepareStatement("SELECT COUNT(*) FROM learning_row WHERE learning = ?")) {
			count.setString(1, learning);
			try (ResultSet result = count.executeQuery()) {
				return result.next() && result.getLong(1) > 0;
			}
		}
	}

}
