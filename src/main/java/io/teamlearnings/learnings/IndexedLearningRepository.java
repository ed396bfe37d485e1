package io.teamlearnings.learnings;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface IndexedLearningRepository
		extends JpaRepository<IndexedLearning, Long>, JpaSpecificationExecutor<IndexedLearning> {

	/** The last row with this id (a re-used id resolves to its newest line). */
	Optional<IndexedLearning> findFirstByRepoAndIdOrderByLineNoDesc(String repo, String id);

	/** Pairs of (id, related ids joined by commas) of rows that name related rows. */
	@Query("select s.id, s.relatedIds from IndexedLearning s where s.repo = ?1 and s.relatedIds <> '' order by s.lineNo")
	List<Object[]> findRelations(String repo);

	/**
	 * Ids of the rows that supersede row {@code supersededId}, in file order. (One id per
	 * query: H2 uses only the repository column of an index for an {@code IN} list, so a
	 * list of ids would scan the repository's rows.)
	 */
	@Query("select s.id from IndexedLearning s where s.repo = ?1 and s.supersedesId = ?2 order by s.lineNo")
	List<String> findSuperseders(String repo, String supersededId);

}
