package dev.stepstream.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** The packaged launcher jar (failsafe runs after package), and what the server's own jar leaves out. */
class LauncherJarIT {
  private static final Path LAUNCHER = Path.of("target", "stepstream.jar");
  private static final String FLOOR_WARNING = "starts a thread per task";

  @Test
  void shouldListTheContributedBenchNextToTheServerCommands() throws Exception {
    Run help = java(List.of(), "--help");

    assertThat(help.code).isZero();
    assertThat(help.output).contains("Usage: stepstream").contains("dev").contains("serve").contains("bench");
  }

  @Test
  void shouldCarryTheExampleAsADevExtension() throws IOException {
    try (JarFile jar = new JarFile(LAUNCHER.toFile())) {
      assertThat(text(jar, "META-INF/services/dev.stepstream.server.dev.DevExtension"))
          .contains("dev.stepstream.examples.imagepipeline.dev.ImagePipelineDevExtension");
      assertThat(text(jar, "META-INF/services/dev.stepstream.server.cli.CommandContribution"))
          .contains("dev.stepstream.bench.cli.BenchContribution");
      assertThat(jar.getEntry("dev/stepstream/examples/imagepipeline/definition.json")).isNotNull();
    }
  }

  @Test
  void shouldKeepTheCommonPoolAPoolForTheBenchOnTwoCpus() throws Exception {
    // An unknown scenario stops the bench right after it sized the pool, before it starts anything.
    Run bench = java(List.of("-XX:ActiveProcessorCount=2"), "bench", "--scenarios", "NONE");

    assertThat(bench.code).isEqualTo(1);
    assertThat(bench.output).contains("unknown scenario 'NONE'").doesNotContain(FLOOR_WARNING);
  }

  @Test
  void shouldWarnWhenTheBenchRunsWithAThreadPerTaskExecutor() throws Exception {
    Run bench = java(List.of("-XX:ActiveProcessorCount=2", "-Djava.util.concurrent.ForkJoinPool.common.parallelism=1"),
        "bench", "--scenarios", "NONE");

    assertThat(bench.output).contains(FLOOR_WARNING);
  }

  @Test
  void shouldLeaveTheBenchAndTheExampleOutOfTheServerJar() throws IOException {
    List<String> entries = new ArrayList<>();
    try (JarFile jar = new JarFile(serverJar().toFile())) {
      Collections.list(jar.entries()).forEach(e -> entries.add(e.getName()));
    }

    assertThat(entries).contains("dev/stepstream/server/cli/Main.class")
        .noneMatch(name -> name.startsWith("dev/stepstream/bench/") || name.startsWith("dev/stepstream/examples/")
            || name.startsWith("org/openjdk/jmh/"));
  }

  private static Path serverJar() throws IOException {
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("..", "server", "target"), "stepstream-server-*.jar")) {
      for (Path jar : jars) {
        if (!jar.getFileName().toString().endsWith("-tests.jar") && !jar.getFileName().toString().endsWith("-sources.jar")) {
          return jar;
        }
      }
    }
    throw new AssertionError("the server jar is missing from ../server/target");
  }

  private static String text(JarFile jar, String name) throws IOException {
    ZipEntry entry = jar.getEntry(name);
    assertThat(entry).as(name).isNotNull();
    return new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
  }

  private record Run(int code, String output) {}

  private static Run java(List<String> jvmOptions, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", LAUNCHER.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), output);
  }
}
