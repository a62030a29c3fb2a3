package dev.stepstream.server.api.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.server.api.ops.Shapes;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.WireJson;
import org.junit.jupiter.api.Test;

class ListedExecutionsTest {
  private static final String MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:Orders";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ListedExecutions listed = new ListedExecutions();

  @Test
  void shouldAnswerTheWholeSummaryFromTheKeptBytes() {
    ExecutionSummary failed = failed("first", 1_000L);
    listed.put(failed.executionArn(), failed, WireJson.encode(failed));

    assertThat(listed.get(failed.executionArn())).contains(failed);
    assertThat(listed.get(MACHINE + ":other")).isEmpty();
  }

  @Test
  void shouldListWithoutPayloadsButWithEveryFieldAListShows() {
    ExecutionSummary failed = failed("first", 1_000L);
    listed.put(failed.executionArn(), failed, WireJson.encode(failed));

    ExecutionSummary listing = listed.listings().get(0);

    assertThat(listing.input()).isNull();
    assertThat(listing.output()).isNull();
    assertThat(listing.error()).isNull();
    assertThat(listing.cause()).isNull();
    assertThat(listing.revisionId()).isNull();
    assertThat(listing.traceHeader()).isNull();
    assertThat(Shapes.executionListItem(listing)).isEqualTo(Shapes.executionListItem(failed));
    assertThat(listing.mapRunArn()).isEqualTo(failed.mapRunArn());
    assertThat(listing.status()).isEqualTo(ExecutionStatus.FAILED);
  }

  @Test
  void shouldKeepTheLatestSummaryOfAnExecutionAndForgetARemovedOne() {
    ExecutionSummary first = failed("first", 1_000L);
    ExecutionSummary redriven = new ExecutionSummary(1, first.executionArn(), MACHINE, "first", ExecutionStatus.RUNNING,
        1_000L, null, first.input(), null, null, null, 1, null, 5_000L, "r1", null, null);
    ExecutionSummary second = failed("second", 2_000L);
    listed.put(first.executionArn(), first, WireJson.encode(first));
    listed.put(second.executionArn(), second, WireJson.encode(second));
    listed.put(redriven.executionArn(), redriven, WireJson.encode(redriven));

    assertThat(listed.get(first.executionArn())).contains(redriven);
    assertThat(listed.listings()).extracting(ExecutionSummary::name).containsExactlyInAnyOrder("first", "second");

    listed.remove(second.executionArn());

    assertThat(listed.get(second.executionArn())).isEmpty();
    assertThat(listed.listings()).extracting(ExecutionSummary::name).containsExactly("first");
  }

  private static ExecutionSummary failed(String name, long startDate) {
    String arn = "arn:aws:states:us-east-1:123456789012:execution:Orders:" + name;
    return new ExecutionSummary(1, arn, MACHINE + ":3", name, ExecutionStatus.FAILED, startDate, startDate + 500,
        JSON.objectNode().put("order", 42), null, "States.TaskFailed", "the card was declined", 0,
        MACHINE + ":live", null, "r7", "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1",
        "arn:aws:states:us-east-1:123456789012:mapRun:Parent/Map:1a2b");
  }
}
