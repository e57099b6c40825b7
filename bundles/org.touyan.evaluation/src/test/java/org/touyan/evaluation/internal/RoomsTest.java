package org.touyan.evaluation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rooms of the bundle and the one rule that keeps each to its job: a room uses only the rooms
 * below it. 评 (cycle: cycles, scores, ratings) is the ground; the four reviews (review) and 用
 * (use: the negative list, use records) build on it; 管 (manage: classification, measures,
 * mentoring) on the ratings and the reviews; what spans them all (flow: closing scoring, the
 * cycle's report, the codes) above; the demo on top.
 */
class RoomsTest {

	private static final String BASE = "org.touyan.evaluation.internal.";
	private static final Map<String, Set<String>> MAY_USE = Map.of(
			"cycle", Set.of(),
			"review", Set.of("cycle"),
			"use", Set.of("cycle"),
			"manage", Set.of("cycle", "review"),
			"flow", Set.of("cycle", "review", "use", "manage"),
			"demo", Set.of("cycle", "review", "use", "manage", "flow"));
	private static final Pattern USE = Pattern.compile("org\\.touyan\\.evaluation\\.internal\\.(\\w+)\\.");
	private static final Path SOURCES = Path.of("src/main/java/org/touyan/evaluation/internal");

	@Test
	void everyClassLivesInARoom() throws IOException {
		try (Stream<Path> files = Files.list(SOURCES)) {
			assertEquals(List.of("package-info.java"), files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList());
		}
		try (Stream<Path> dirs = Files.list(SOURCES)) {
			assertEquals(new TreeSet<>(MAY_USE.keySet()), new TreeSet<>(dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList()));
		}
	}

	@Test
	void noRoomUsesOneAboveIt() throws IOException {
		List<String> upward = new ArrayList<>();
		for (String room : MAY_USE.keySet()) {
			try (Stream<Path> files = Files.walk(SOURCES.resolve(room))) {
				for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
					Matcher m = USE.matcher(Files.readString(file));
					while (m.find()) {
						String used = m.group(1);
						if (!used.equals(room) && !MAY_USE.get(room).contains(used)) {
							upward.add(room + "/" + file.getFileName() + " uses " + BASE + used);
						}
					}
				}
			}
		}
		assertTrue(upward.isEmpty(), String.join("\n", upward));
	}
}
