package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskSucceeded;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At-least-once: a crash can leave the restored state ahead of the committed offsets, so an input is
 * delivered again to a state that already includes it. The fast profile then writes that input's
 * outputs again (same task request, same event ids) without applying it twice.
 */
class DuplicateReplayTopologyTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String THREE_TASKS = """
      {"StartAt": "A", "States": {
        "A": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:Echo", "Next": "B"},
        "B": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:Echo", "Next": "C"},
        "C": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:Echo", "End": true}}}
      """;

  @TempDir Path stateDir;

  @Test
  void shouldReEmitTheNextTaskRequestAndTheSameEventsWhenTheLastResultIsDeliveredAgain() {
    try (TopologyHarness fast = harness(Profile.FAST)) {
      fast.define(THREE_TASKS);
      String arn = fast.start("run-1", JSON.objectNode());
      TaskRequest a = single(fast.taskRequests("Echo"));
      fast.history();
      TaskSucceeded resultA = new TaskSucceeded(1, arn, a.taskToken(), JSON.objectNode().put("a", 1));
      fast.send(resultA);
      TaskRequest b = single(fast.taskRequests("Echo"));
      List<HistoryEvent> firstTime = fast.history();

      fast.send(resultA);

      assertThat(fast.taskRequests("Echo")).containsExactly(b);
      assertThat(fast.history()).isEqualTo(firstTime);
      assertThat(fast.metrics.replayedCount()).isEqualTo(1);
      assertThat(fast.metrics.appliedCount()).isEqualTo(2);
    }
  }

  @Test
  void shouldReEmitTheStartOutputsWhenTheStartIsDeliveredAgain() {
    try (TopologyHarness fast = harness(Profile.FAST)) {
      fast.define(THREE_TASKS);
      fast.start("run-1", JSON.objectNode());
      TaskRequest a = single(fast.taskRequests("Echo"));
      List<HistoryEvent> started = fast.history();
      var summaries = fast.summaries();

      fast.start("run-1", JSON.objectNode());

      assertThat(fast.taskRequests("Echo")).containsExactly(a);
      assertThat(fast.history()).isEqualTo(started);
      assertThat(fast.summaries()).isEqualTo(summaries);
    }
  }

  @Test
  void shouldReEmitTheStartOutputsOfTheRevisionItStartedWithWhenTheMachineWasUpdatedSince() {
    try (TopologyHarness fast = harness(Profile.FAST)) {
      fast.defineRevision(THREE_TASKS, "r1");
      fast.start("run-1", JSON.objectNode());
      TaskRequest a = single(fast.taskRequests("Echo"));
      List<HistoryEvent> started = fast.history();
      fast.defineRevision(THREE_TASKS.replace("function:Echo", "function:Other"), "r2");

      fast.start("run-1", JSON.objectNode());

      assertThat(fast.taskRequests("Other")).isEmpty();
      assertThat(fast.taskRequests("Echo")).containsExactly(a);
      assertThat(fast.history()).isEqualTo(started);
      assertThat(fast.metrics.replayedCount()).isEqualTo(1);
    }
  }

  @Test
  void shouldReEmitTheSameEventTimesWhenTheDuplicateArrivesLater() {
    try (TopologyHarness fast = harness(Profile.FAST)) {
      fast.define(THREE_TASKS);
      String arn = fast.start("run-1", JSON.objectNode());
      TaskSucceeded resultA = new TaskSucceeded(1, arn, single(fast.taskRequests("Echo")).taskToken(),
          JSON.objectNode());
      fast.history();
      fast.send(resultA);
      TaskRequest b = single(fast.taskRequests("Echo"));
      List<HistoryEvent> firstTime = fast.history();
      fast.advance(Duration.ofMinutes(5));

      fast.send(resultA);

      assertThat(fast.taskRequests("Echo")).containsExactly(b);
      assertThat(fast.history()).isEqualTo(firstTime);
    }
  }

  @Test
  void shouldNotReEmitForAnOlderInputThanTheLastApplied() {
    try (TopologyHarness fast = harness(Profile.FAST)) {
      fast.define(THREE_TASKS);
      String arn = fast.start("run-1", JSON.objectNode());
      TaskRequest a = single(fast.taskRequests("Echo"));
      fast.send(new TaskSucceeded(1, arn, a.taskToken(), JSON.objectNode()));
      TaskRequest b = single(fast.taskRequests("Echo"));
      fast.send(new TaskSucceeded(1, arn, b.taskToken(), JSON.objectNode()));
      fast.taskRequests("Echo");
      fast.history();

      fast.send(new TaskSucceeded(1, arn, a.taskToken(), JSON.objectNode()));

      assertThat(fast.taskRequests("Echo")).isEmpty();
      assertThat(fast.history()).isEmpty();
    }
  }

  @Test
  void shouldIgnoreDuplicatesSilentlyUnderExactlyOnce() {
    try (TopologyHarness exactlyOnce = harness(Profile.EXACTLY_ONCE)) {
      exactlyOnce.define(THREE_TASKS);
      String arn = exactlyOnce.start("run-1", JSON.objectNode());
      TaskRequest a = single(exactlyOnce.taskRequests("Echo"));
      TaskSucceeded resultA = new TaskSucceeded(1, arn, a.taskToken(), JSON.objectNode());
      exactlyOnce.send(resultA);
      exactlyOnce.taskRequests("Echo");
      exactlyOnce.history();

      exactlyOnce.send(resultA);

      assertThat(exactlyOnce.taskRequests("Echo")).isEmpty();
      assertThat(exactlyOnce.history()).isEmpty();
      assertThat(exactlyOnce.metrics.replayedCount()).isZero();
    }
  }

  private TopologyHarness harness(Profile profile) {
    return new TopologyHarness(stateDir, o -> o.withProfile(profile));
  }

  private static <T> T single(List<T> values) {
    assertThat(values).hasSize(1);
    return values.get(0);
  }
}
