package io.teamlearnings.skills.match;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The update-or-create decision measured on a labelled set
 * ({@code src/test/resources/skills/match}): eight skills (shared ones, one project skill
 * of the repository {@code shop}, one external) and 24 lesson/skill pairs, 12 where the
 * right decision is to update that skill and 12 where it is not (another trigger, too
 * little overlap, a diluted scope, a fragment several skills repeat, an external skill
 * customised again and again). Prints each decision, then the precision and recall of
 * {@code update}, and the share of lessons given the labelled action.
 */
class MatchQualityTests {

	private static final double MIN_PRECISION = 0.9;

	private static final double MIN_RECALL = 0.8;

	@TempDir
	Path shopRepository;

	@Test
	void decidesUpdateWithPrecisionAndRecallOnTheLabelledSet() throws IOException, URISyntaxException {
		LabelledSkills set = LabelledSkills.load(this.shopRepository);

		int truePositives = 0;
		int falsePositives = 0;
		int falseNegatives = 0;
		int rightActions = 0;
		List<String> rows = new ArrayList<>();
		JsonNode lessons = LabelledSkills.lessons();
		for (JsonNode labelled : lessons) {
			List<String> steps = labelled.get("steps").valueStream().map(JsonNode::asString).toList();
			Lesson lesson = new Lesson(labelled.get("lesson").asString(), steps, "lesson",
					labelled.path("repository").asString(null), List.of(), labelled.path("occurrences").asInt(1));
			MatchResult result = set.matcher().match(lesson, set.skills(), set.placement(), set.skills().size());
			Recommendation recommendation = result.recommendation();
			String skill = labelled.get("skill").asString();
			boolean update = labelled.get("update").asBoolean();
			String updated = recommendation.action().equals(Recommendation.UPDATE) ? recommendation.skill() : null;
			if (updated != null && update && updated.equals(skill)) {
				truePositives++;
			}
			else if (updated != null) {
				falsePositives++;
			}
			if (update && !skill.equals(updated)) {
				falseNegatives++;
			}
			if (recommendation.action().equals(labelled.get("action").asString())) {
				rightActions++;
			}
			Candidate pair = result.candidates()
				.stream()
				.filter((candidate) -> candidate.skill().equals(skill))
				.findFirst()
				.orElseThrow();
			rows.add(String.format(Locale.ROOT, "%-4s %-22s %-5s trigger=%.2f overlap=%.2f dilution=%.2f -> %s %s",
					labelled.get("id").asString(), skill, update, pair.trigger(), pair.workflowOverlap(),
					pair.scopeDilution(), recommendation.action(), (recommendation.skill() != null)
							? recommendation.skill() : recommendation.root() + "/" + recommendation.name()));
		}
		double precision = (double) truePositives / Math.max(1, truePositives + falsePositives);
		double recall = (double) truePositives / Math.max(1, truePositives + falseNegatives);
		double actions = (double) rightActions / lessons.size();
		rows.forEach(System.out::println);
		System.out.printf(Locale.ROOT,
				"update-or-create on %d lesson/skill pairs: precision %.2f, recall %.2f (update); action %.2f%n",
				lessons.size(), precision, recall, actions);

		assertThat(lessons.size()).isGreaterThanOrEqualTo(20);
		assertThat(precision).as("precision of update").isGreaterThanOrEqualTo(MIN_PRECISION);
		assertThat(recall).as("recall of update").isGreaterThanOrEqualTo(MIN_RECALL);
	}

}
