package io.teamlearnings.learnings.index;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A row of the index, read-only to JPA: rows are written only by {@link LearningIndex}
 * from the file.
 */
@Entity
@Immutable
@Table(name = "learning_row")
public class IndexedLearning {

	@Id
	private Long pk;

	private String repo;

	@Column(name = "line_no")
	private long lineNo;

	private String id;

	@Column(name = "captured_ts")
	private OffsetDateTime capturedTs;

	private String status;

	private String learning;

	private String application;

	private String evidence;

	private String tags;

	@Column(name = "supersedes_id")
	private String supersedesId;

	@Column(name = "related_ids")
	private String relatedIds;

	private String raw;

	@Column(name = "superseded_by")
	private String supersededBy;

	protected IndexedLearning() {
	}

	String repo() {
		return this.repo;
	}

	long lineNo() {
		return this.lineNo;
	}

	public String id() {
		return this.id;
	}

	public String raw() {
		return this.raw;
	}

	/**
	 * Ids of the rows that supersede this one, in file order (see SupersessionChains).
	 */
	List<String> supersededBy() {
		return this.supersededBy.isEmpty() ? List.of() : List.of(this.supersededBy.split(","));
	}

}
