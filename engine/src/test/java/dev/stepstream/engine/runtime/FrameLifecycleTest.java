package dev.stepstream.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.stepstream.asl.Asl;
import dev.stepstream.asl.Expressions;
import dev.stepstream.asl.eval.RandomSource;
import dev.stepstream.engine.Definition;
import dev.stepstream.engine.Effect;
import dev.stepstream.engine.EngineContext;
import dev.stepstream.engine.EngineOptions;
import dev.stepstream.engine.ExecutionState;
import dev.stepstream.engine.FixedContext;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.WireVersions;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameLifecycleTest {
  private static final String ARN = "arn:aws:states:us-east-1:1:stateMachine:M";
  private static final Definition DEFINITION = new Definition(ARN, "M", "r1", "STANDARD", "",
      Asl.compile("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}", Expressions.compiler())
          .stateMachine().orElseThrow());
  private static final long NOW = 1_000_000L;

  private final Run run = newRun();

  @Test
  void shouldRunThroughEnteredRunningWaitingAndBackToRunning() {
    Frame f = root();
    assertThat(f.phase()).isEqualTo(Phase.ENTER);

    f.entered(1, NOW);
    run.awaitTask(f, "token-1", true, 60, 10);

    assertThat(f.phase()).isEqualTo(Phase.TASK);
    assertThat(f.task().token()).isEqualTo("token-1");
    assertThat(f.task().timerIds()).hasSize(2);
    run.endTask(f);
    assertThat(f.phase()).isEqualTo(Phase.RUNNING);
    assertThat(f.work()).isNull();
  }

  @Test
  void shouldCancelTheTimeoutAndHeartbeatTimersTogetherWithTheToken() {
    Frame f = root();
    f.entered(1, NOW);
    run.awaitTask(f, "token-1", false, 60, 10);
    List<String> timers = f.task().timerIds();

    run.endTask(f);

    assertThat(run.effects()).filteredOn(Effect.CancelTimer.class::isInstance)
        .extracting(e -> ((Effect.CancelTimer) e).timerId()).containsExactlyElementsOf(timers);
    assertThat(timers).allSatisfy(id -> assertThat(run.timer(id)).isNull());
  }

  @Test
  void shouldRefuseToMoveOnWhileATaskIsPending() {
    Frame f = root();
    f.entered(1, NOW);
    run.awaitTask(f, "token-1", true, 0, 0);

    assertThatThrownBy(() -> f.moveTo("B", IntNode.valueOf(1), null))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot move on while waiting");
  }

  @Test
  void shouldRefuseToEnterTwice() {
    Frame f = root();
    f.entered(1, NOW);

    assertThatThrownBy(() -> f.entered(2, NOW)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot enter while RUNNING");
  }

  @Test
  void shouldHaltAWaitingStateAndCancelItsTimer() {
    Frame f = root();
    f.entered(1, NOW);
    run.awaitWait(f, NOW + 5_000);
    String timer = ((WaitTimer) f.work()).timerId();

    run.halt(f);

    assertThat(f.phase()).isEqualTo(Phase.HALTED);
    assertThat(f.work()).isNull();
    assertThat(run.timer(timer)).isNull();
  }

  @Test
  void shouldKeepChildrenAndTheirPhaseWhenHaltedWhileWaitingForThem() {
    Frame f = root();
    f.entered(1, NOW);
    f.fanOut(new Branches(2));
    f.childSucceeded(0, TextNode.valueOf("left"));

    run.halt(f);

    assertThat(f.phase()).isEqualTo(Phase.CHILDREN);
    assertThat(f.children().result(0)).isEqualTo(TextNode.valueOf("left"));
    assertThat(f.children().done()).isEqualTo(1);
  }

  @Test
  void shouldRejectEveryTransitionOnceTheStateIsPublished() {
    Frame f = root();
    ExecutionState published = run.freeze();
    Frame stored = published.frames().get(f.id());

    assertThatThrownBy(() -> stored.entered(1, NOW)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("published");
    assertThatThrownBy(() -> stored.follow(7)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldLeaveThePublishedStateUnchangedWhenANewCallEditsAFrame() {
    Frame f = root();
    f.entered(1, NOW);
    f.fanOut(new Iterations(new JsonNode[] {IntNode.valueOf(1), IntNode.valueOf(2)}, 0, -1, -1));
    ExecutionState published = run.freeze();
    Run next = new Run(EngineOptions.defaults(), context(), DEFINITION, ExecutionHeader.of(published.header()),
        published.frames(), published.timers());

    Frame edited = next.edit(f.id());
    int index = edited.startIteration();
    edited.takeIterationInput(index);
    edited.childSucceeded(index, TextNode.valueOf("done"));

    Frame before = published.frames().get(f.id());
    assertThat(before.children().result(0)).isNull();
    assertThat(before.iterations().inputsForEncoding()[0]).isEqualTo(IntNode.valueOf(1));
    assertThat(edited.children().result(0)).isEqualTo(TextNode.valueOf("done"));
  }

  @Test
  void shouldStartIterationsUpToMaxConcurrency() {
    Iterations iterations = new Iterations(new JsonNode[3], 2, -1, -1);
    iterations.startNext();
    iterations.startNext();

    assertThat(iterations.canStartMore()).isFalse();
    iterations.finish(0, IntNode.valueOf(0));
    assertThat(iterations.canStartMore()).isTrue();
  }

  @Test
  void shouldTolerateFailuresUpToTheCountAndThePercentage() {
    Iterations byCount = new Iterations(new JsonNode[4], 0, 1, -1);
    byCount.fail();
    assertThat(byCount.withinTolerance()).isTrue();
    byCount.fail();
    assertThat(byCount.withinTolerance()).isFalse();

    Iterations byPercent = new Iterations(new JsonNode[4], 0, -1, 50);
    byPercent.fail();
    byPercent.fail();
    assertThat(byPercent.withinTolerance()).isTrue();
    byPercent.fail();
    assertThat(byPercent.withinTolerance()).isFalse();
  }

  private Frame root() {
    return run.newFrame(Frame.NO_PARENT, 0, "A", IntNode.valueOf(0), null, 0);
  }

  private static Run newRun() {
    StartExecution start = new StartExecution(WireVersions.CURRENT, "arn:aws:states:us-east-1:1:execution:M:e", ARN,
        "e", IntNode.valueOf(0), NOW);
    return new Run(EngineOptions.defaults(), context(), DEFINITION, ExecutionHeader.started(start, NOW),
        new HashMap<>(), new LinkedHashMap<>());
  }

  private static EngineContext context() {
    return new FixedContext(NOW, RandomSource.seeded(1), DEFINITION);
  }
}
