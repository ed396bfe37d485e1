package io.teamlearnings.learnings.index;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

/**
 * The indexed rows through Spring Data: the browse filters
 * ({@link org.springframework.data.jpa.domain.Specification}s over
 * {@link IndexedLearning}) and the team repository's relations.
 */
public interface IndexedLearningRepository
		extends JpaRepository<IndexedLearning, Long>, JpaSpecificationExecutor<IndexedLearning> {

	/** Pairs of (id, related ids joined by commas) of rows that name related rows. */
	@Query("select s.id, s.relatedIds from IndexedLearning s where s.repo = ?1 and s.relatedIds <> '' order by s.lineNo")
	List<Object[]> findRelations(String repo);

}
