package io.teamlearnings.system;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;

import org.springframework.core.NestedExceptionUtils;

/**
 * The H2 index database can neither be opened nor replaced at startup, so the service
 * refuses to start. {@link IndexDatabaseFailureAnalyzer} turns this into the message a
 * user reads.
 */
class IndexDatabaseException extends RuntimeException {

	/** Why the index cannot be used. */
	enum Reason {

		/** Another process holds the database file open. */
		LOCKED,

		/** There is no database file and none can be created. */
		CANNOT_CREATE,

		/**
		 * The file is unreadable and cannot be moved aside to make room for a new one.
		 */
		CANNOT_MOVE_ASIDE

	}

	private final Path file;

	private final Reason reason;

	private IndexDatabaseException(Path file, Reason reason, Throwable cause) {
		super("Cannot " + ((reason == Reason.CANNOT_MOVE_ASIDE) ? "move the unreadable index database aside: "
				: "open the index database ") + file, cause);
		this.file = file;
		this.reason = reason;
	}

	static IndexDatabaseException locked(Path file, Throwable cause) {
		return new IndexDatabaseException(file, Reason.LOCKED, cause);
	}

	static IndexDatabaseException cannotCreate(Path file, Throwable cause) {
		return new IndexDatabaseException(file, Reason.CANNOT_CREATE, cause);
	}

	static IndexDatabaseException cannotMoveAside(Path file, Throwable cause) {
		return new IndexDatabaseException(file, Reason.CANNOT_MOVE_ASIDE, cause);
	}

	Path file() {
		return this.file;
	}

	Reason reason() {
		return this.reason;
	}

	/**
	 * What went wrong underneath: the file at fault for a file system failure, otherwise
	 * the words of whatever failed.
	 * @return the reason, in a few words
	 */
	String detail() {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(this);
		if (cause instanceof AccessDeniedException denied) {
			return denied.getFile() + ": permission denied";
		}
		if (cause instanceof FileAlreadyExistsException exists) {
			return exists.getFile() + " exists and is not a directory";
		}
		return cause.getMessage();
	}

}
