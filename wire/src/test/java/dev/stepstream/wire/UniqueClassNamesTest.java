package dev.stepstream.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No two main classes of the repository share a simple name, in any module: an import of the wrong
 * {@code Json} or {@code StateMachine} compiles and then misbehaves. A repository-wide rule, here
 * because {@code wire} builds first; it reads the source trees ({@code src/main/java} of every module),
 * so it also covers modules that no test module depends on.
 */
class UniqueClassNamesTest {
  private static final List<String> SKIPPED = List.of("target", "node_modules", ".git");

  @Test
  void shouldGiveEveryMainClassOfTheRepositoryItsOwnSimpleName() throws IOException {
    Path root = repositoryRoot();
    Map<String, List<String>> byName;
    try (Stream<Path> files = Files.walk(root)) {
      byName = files
          .filter(p -> p.toString().endsWith(".java"))
          .filter(p -> root.relativize(p).toString().replace('\\', '/').contains("/src/main/java/"))
          .filter(p -> SKIPPED.stream().noneMatch(skip -> root.relativize(p).toString().contains(skip + "/")))
          .filter(p -> !p.getFileName().toString().equals("package-info.java"))
          .filter(p -> !p.getFileName().toString().equals("module-info.java"))
          .collect(Collectors.groupingBy(p -> p.getFileName().toString().replace(".java", ""), TreeMap::new,
              Collectors.mapping(p -> root.relativize(p).toString(), Collectors.toList())));
    }

    assertThat(byName).as("main classes found").hasSizeGreaterThan(100);
    assertThat(byName.entrySet().stream().filter(e -> e.getValue().size() > 1)
        .map(e -> e.getKey() + " " + e.getValue()).toList())
        .as("simple names used by more than one main class")
        .isEmpty();
  }

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new UncheckedIOException(new IOException("no mvnw above " + Path.of("").toAbsolutePath()));
    }
    return dir;
  }
}
