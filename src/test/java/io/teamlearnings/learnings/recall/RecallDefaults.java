package io.teamlearnings.learnings.recall;

/**
 * {@link RecallProperties} with the defaults README documents, built by hand so that a
 * test states the values it relies on.
 */
final class RecallDefaults {

	private RecallDefaults() {
	}

	static RecallProperties properties() {
		return new RecallProperties(1.2, 0.75, new RecallProperties.FieldWeights(3.0, 1.5, 1.0, 1.0, 2.0),
				new RecallProperties.StatusBoosts(0.30, 0.25, 0.15, 0.15, 0.10, 0.10, -0.05), 0.2, 45, 0.5, 0.5, 0.0, 5,
				50, 0.3, 0.5);
	}

}
