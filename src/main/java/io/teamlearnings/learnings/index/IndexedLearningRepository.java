package io.teamlearnings.learnings.index;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

/**
 * The indexed rows through Spring Data: lookups by id and the browse filters
 * ({@link org.springframework.data.jpa.domain.Specification}s over
 * {@link IndexedLearning}).
 */
public interface IndexedLearningRepository
		extends JpaRepository<IndexedLearning, Long>, JpaSpecificationExecutor<IndexedLearning> {

	/** The last row with this id (a re-used id resolves to its newest line). */
	Optional<IndexedLearning> findFirstByRepoAndIdOrderByLineNoDesc(String repo, String id);

	/** Pairs of (id, related ids joined by commas) of rows that name related rows. */
	@Query("select s.id, s.relatedIds from IndexedLearning s where s.repo = ?1 and s.relatedIds <> '' order by s.lineNo")
	List<Object[]> findRelations(String repo);

}
