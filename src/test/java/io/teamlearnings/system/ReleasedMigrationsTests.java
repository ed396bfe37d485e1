package io.teamlearnings.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Flyway migrations are the ones recorded in {@code db/released-migrations.txt}, byte
 * for byte: Flyway validates each applied migration's checksum at every start, so a
 * migration edited after a release stops every service whose data directory it already
 * migrated ("Migration checksum mismatch"). A change to the schema is a new migration.
 */
class ReleasedMigrationsTests {

	@Test
	void everyMigrationIsRecordedAndNoneWasEditedSince() throws IOException {
		Map<String, String> recorded = new LinkedHashMap<>();
		try (InputStream in = getClass().getResourceAsStream("/db/released-migrations.txt")) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (!line.isBlank() && !line.startsWith("#")) {
					String[] fields = line.split(" ");
					recorded.put(fields[0], fields[1]);
				}
			}
		}
		Map<String, String> present = new TreeMap<>();
		for (Resource migration : new PathMatchingResourcePatternResolver()
			.getResources("classpath:db/migration/*.sql")) {
			try (InputStream in = migration.getInputStream()) {
				present.put(migration.getFilename(),
						HexFormat.of().formatHex(Sha256.digest().digest(in.readAllBytes())));
			}
		}

		assertThat(present).as("db/migration against db/released-migrations.txt")
			.containsExactlyInAnyOrderEntriesOf(recorded);
	}

}
