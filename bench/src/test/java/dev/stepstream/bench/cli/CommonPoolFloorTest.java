package dev.stepstream.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CommonPoolFloorTest {

  /** Run in a fresh JVM: applies the floor, then prints the class of CompletableFuture's default executor. */
  public static final class Probe {
    public static void main(String[] args) {
      if (args.length > 0 && args[0].equals("apply")) {
        CommonPoolFloor.apply();
      }
      System.out.print(new CompletableFuture<Void>().defaultExecutor().getClass().getSimpleName());
    }
  }

  @Test
  void shouldRaiseTheParallelismToTwoWhenTheMachineHasTwoCpus() {
    assertThat(CommonPoolFloor.parallelism(null, 2)).isEqualTo("2");
    assertThat(CommonPoolFloor.parallelism(null, 1)).isEqualTo("2");
  }

  @Test
  void shouldLeaveTheJdkChoiceWhenTheMachineHasEnoughCpus() {
    assertThat(CommonPoolFloor.parallelism(null, 3)).isNull();
    assertThat(CommonPoolFloor.parallelism(null, 16)).isNull();
  }

  @Test
  void shouldKeepAnExplicitSettingWhenOneIsConfigured() {
    assertThat(CommonPoolFloor.parallelism("1", 2)).isNull();
  }

  @Test
  void shouldMakeTheDefaultExecutorAPoolWhenAppliedOnATwoCpuJvm() throws Exception {
    assertThat(probe(false)).isEqualTo("ThreadPerTaskExecutor");
    assertThat(probe(true)).isEqualTo("ForkJoinPool");
  }

  private static String probe(boolean apply) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(List.of(java, "-XX:ActiveProcessorCount=2", "-cp",
        System.getProperty("java.class.path"), Probe.class.getName(), apply ? "apply" : "leave"))
        .redirectErrorStream(true).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
  }
}
