package io.teamlearnings.learnings.index;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.SQLRestriction;

/**
 * A row of the index (the live generation, see {@link IndexGenerations}), read-only to
 * JPA: rows are written only by {@link LearningIndex} from the file. The row's line is
 * not kept here but read from the file where it lies ({@link LearningViews}).
 */
@Entity
@Immutable
@Table(name = "indexed_row")
@SQLRestriction("generation IN (SELECT s.generation FROM index_state s)")
public class IndexedLearning {

	@Id
	private Long pk;

	private String repo;

	@Column(name = "line_no")
	private long lineNo;

	@Column(name = "byte_offset")
	private long byteOffset;

	@Column(name = "byte_length")
	private int byteLength;

	@Column(name = "line_sha256")
	private byte[] lineSha256;

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

	/** The row's {@code id}. */
	public String id() {
		return this.id;
	}

	/** Where the row's line starts in the file, in bytes. */
	long byteOffset() {
		return this.byteOffset;
	}

	/** The length of the row's line in bytes, without its newline. */
	int byteLength() {
		return this.byteLength;
	}

	/** SHA-256 of the row's line as indexed. */
	byte[] lineSha256() {
		return this.lineSha256;
	}

	/**
	 * Ids of the rows that supersede this one, in file order (see SupersessionChains).
	 */
	List<String> supersededBy() {
		return IndexedLines.LocatedRow.supersededBy(this.supersededBy);
	}

	/** Where the row's line lies, and what supersedes it. */
	IndexedLines.LocatedRow located() {
		return new IndexedLines.LocatedRow(this.lineNo, this.byteOffset, this.byteLength, this.lineSha256, this.id,
				supersededBy());
	}

}
