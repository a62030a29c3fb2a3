package dev.stepstream.worker.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepstream.wire.WireJson;
import dev.stepstream.worker.internal.FailureMapping;
import dev.stepstream.worker.testing.TaskHarness;
import dev.stepstream.worker.testing.TaskRun;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandTaskHandlerTest {
  private final TaskHarness harness = TaskHarness.forTask("Comando");

  private static CommandTaskHandler sh(String script) {
    return new CommandTaskHandler(List.of("sh", "-c", script));
  }

  @Test
  void shouldPassTheInputOnStdinAndParseStdoutAsJson() {
    TaskRun run = harness.runJson(sh("cat"), "{\"imagem\": \"a.png\", \"n\": [1, 2]}");

    assertThat(run.output().toString()).isEqualTo("{\"imagem\":\"a.png\",\"n\":[1,2]}");
  }

  @Test
  void shouldTurnOutputThatIsNotJsonIntoATrimmedString() {
    assertThat(harness.runJson(sh("echo '  feito  '"), "{}").output().textValue()).isEqualTo("feito");
  }

  @Test
  void shouldTreatSeveralJsonValuesAsText() {
    assertThat(CommandTaskHandler.parseOutput("1 2").textValue()).isEqualTo("1 2");
  }

  @Test
  void shouldTurnEmptyOutputIntoNull() {
    assertThat(harness.runJson(sh("true"), "{}").output().isNull()).isTrue();
  }

  @Test
  void shouldFailWithCommandFailedAndStderrOnANonZeroExit() {
    TaskRun run = harness.runJson(sh("echo 'Traceback...' >&2; echo 'ValueError: bad image' >&2; exit 3"), "{}");

    assertThat(run.error()).isEqualTo(CommandTaskHandler.COMMAND_FAILED);
    assertThat(run.cause()).isEqualTo("Traceback...\nValueError: bad image");
  }

  @Test
  void shouldCarryStderrLinesWithTheResultWhetherTheCommandSucceedsOrFails() {
    TaskRun ok = harness.runJson(sh("echo 'resizing a.png' >&2; echo 'done' >&2; echo '{}'"), "{}");
    TaskRun failed = harness.runJson(sh("echo 'ValueError: bad image' >&2; exit 3"), "{}");

    assertThat(ok.succeeded()).isTrue();
    assertThat(ok.workerOutput()).containsExactly("resizing a.png", "done");
    assertThat(failed.workerOutput()).containsExactly("ValueError: bad image");
  }

  @Test
  void shouldNameTheExitCodeWhenStderrIsEmpty() {
    assertThat(harness.runJson(sh("exit 7"), "{}").cause()).isEqualTo("The command exited with code 7");
  }

  @Test
  void shouldKeepTheLast32KiBOfALongStderr() {
    TaskRun run = harness.runJson(sh("i=0; while [ $i -lt 5000 ]; do echo \"line $i of noise\" >&2; i=$((i+1)); done; exit 1"), "{}");

    assertThat(run.cause()).hasSizeLessThanOrEqualTo(FailureMapping.MAX_CAUSE_LENGTH).endsWith("line 4999 of noise");
  }

  @Test
  void shouldTellTheCommandAboutItsTaskInEnvironmentVariables() {
    String script = "printf '{\"token\":\"%s\",\"arn\":\"%s\",\"state\":\"%s\",\"attempt\":%s}' "
        + "\"$STEPSTREAM_TASK_TOKEN\" \"$STEPSTREAM_EXECUTION_ARN\" \"$STEPSTREAM_STATE_NAME\" \"$STEPSTREAM_ATTEMPT\"";

    TaskRun run = harness.withAttempt(2).withToken("tok").withStateName("Passo").runJson(sh(script), "{}");

    assertThat(run.output()).isEqualTo(WireJson.mapper().createObjectNode()
        .put("token", "tok").put("arn", run.request().executionArn()).put("state", "Passo").put("attempt", 2));
  }

  @Test
  void shouldStopACommandThatOutlivesTheTaskTimeout() {
    long started = System.nanoTime();

    TaskRun run = harness.withTimeoutSeconds(1L).runJson(sh("sleep 10"), "{}");

    assertThat(run.error()).isEqualTo("States.Timeout");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void shouldHeartbeatWhileALongCommandRunsWhenTheTaskHasHeartbeatSeconds() {
    TaskRun run = harness.withHeartbeatSeconds(3L).runJson(sh("sleep 2.5; echo 1"), "{}");

    assertThat(run.heartbeatCount()).isBetween(2, 3);
    assertThat(run.output().asInt()).isEqualTo(1);
  }

  @Test
  void shouldFailWithCommandFailedWhenTheCommandCannotStart() {
    TaskRun run = harness.runJson(new CommandTaskHandler(List.of("/nonexistent/stepstream-tool")), "{}");

    assertThat(run.error()).isEqualTo(CommandTaskHandler.COMMAND_FAILED);
    assertThat(run.cause()).startsWith("cannot start /nonexistent/stepstream-tool");
  }

  @Test
  void shouldLeaveTheTaskForRedeliveryWhenTheCommandDiesWhileTheWorkerStops() {
    CommandTaskHandler handler = sh("exit 130");
    handler.stopping();

    assertThatThrownBy(() -> handler.handle(WireJson.mapper().createObjectNode(),
        harnessContext())).isInstanceOf(InterruptedException.class).hasMessageContaining("130");
  }

  @Test
  void shouldRequireACommand() {
    assertThatThrownBy(() -> new CommandTaskHandler(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  private dev.stepstream.worker.TaskContext harnessContext() {
    dev.stepstream.worker.TaskContext[] captured = new dev.stepstream.worker.TaskContext[1];
    harness.runJson((input, ctx) -> {
      captured[0] = ctx;
      return null;
    }, "{}");
    return captured[0];
  }
}
