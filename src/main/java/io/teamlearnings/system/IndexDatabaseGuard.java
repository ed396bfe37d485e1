package io.teamlearnings.system;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * The H2 index is derived data: if its file cannot be opened at startup (corrupted while
 * the service was stopped), it is moved aside as {@code *.corrupt-<time>} and a fresh one
 * is created, which the service then rebuilds from the JSONL files. Nothing canonical is
 * lost.
 */
@Component
class IndexDatabaseGuard implements BeanPostProcessor {

	private static final Logger log = LoggerFactory.getLogger(IndexDatabaseGuard.class);

	private static final String FILE_URL = "jdbc:h2:file:";

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof HikariDataSource dataSource) || dataSource.getJdbcUrl() == null
				|| !dataSource.getJdbcUrl().startsWith(FILE_URL)) {
			return bean;
		}
		Path file = databaseFile(dataSource.getJdbcUrl());
		if (!Files.exists(file)) {
			prepareDirectory(file);
		}
		try (Connection connection = dataSource.getConnection()) {
			return bean;
		}
		catch (SQLException | RuntimeException ex) {
			if (isLocked(ex)) {
				throw IndexDatabaseException.locked(file, ex);
			}
			if (!Files.exists(file)) {
				throw IndexDatabaseException.cannotCreate(file, ex);
			}
			HikariConfig config = new HikariConfig();
			dataSource.copyStateTo(config);
			dataSource.close();
			Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + Instant.now().toEpochMilli());
			try {
				Files.move(file, aside);
			}
			catch (IOException moveFailed) {
				throw IndexDatabaseException.cannotMoveAside(file, moveFailed);
			}
			log.warn("The index database {} could not be opened ({}); moved it to {} and rebuilding from the "
					+ "JSONL files", file, ex.getMessage(), aside);
			return new HikariDataSource(config);
		}
	}

	/**
	 * Creates the directory of a new database, refusing to start if it cannot be created
	 * or written. H2 would create it too, but when it cannot, it also fails to write its
	 * trace file there and prints that failure's stack trace to standard output.
	 */
	private static void prepareDirectory(Path file) {
		Path directory = file.toAbsolutePath().getParent();
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw IndexDatabaseException.cannotCreate(file, ex);
		}
		if (!Files.isWritable(directory)) {
			throw IndexDatabaseException.cannotCreate(file, new AccessDeniedException(directory.toString()));
		}
	}

	private static boolean isLocked(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null && cause.getMessage().contains("file is locked")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The file of an H2 file URL, read as H2 reads it: a leading {@code ~} is the home
	 * directory.
	 */
	static Path databaseFile(String url) {
		String path = url.substring(FILE_URL.length());
		int options = path.indexOf(';');
		if (options >= 0) {
			path = path.substring(0, options);
		}
		if (path.startsWith("~")) {
			path = System.getProperty("user.home") + path.substring(1);
		}
		return Path.of(path + ".mv.db");
	}

}
