package dev.stepstream.server.api.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.server.api.aws.AwsException;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** GET /api/executions (paged, filtered) and GET /api/execution-counts over a fixed list of executions. */
class ConsoleQueriesTest {
  private static final String MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:";

  /** 10,000 executions of two machines, newest first; every third one failed. */
  private final List<ExecutionSummary> executions = IntStream.range(0, 10_000)
      .mapToObj(i -> summary(i % 2 == 0 ? "Orders" : "Images", "run-" + (9_999 - i), i % 3 == 0 ? "FAILED" : "SUCCEEDED",
          1_000_000L - i))
      .toList();
  private final ConsoleQueries queries = new ConsoleQueries(() -> executions);

  @Test
  void should_page_through_every_execution_once_with_next_tokens() {
    // GIVEN
    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    // WHEN
    do {
      ObjectNode page = queries.list(null, null, token, "1000");
      page.get("executions").forEach(e -> seen.add(e.get("name").asText()));
      token = page.hasNonNull("nextToken") ? page.get("nextToken").asText() : null;
      pages++;
    } while (token != null);
    // THEN
    assertThat(pages).isEqualTo(10);
    assertThat(seen).hasSize(10_000).doesNotHaveDuplicates();
    assertThat(seen.get(0)).isEqualTo("run-9999");
    assertThat(seen.get(9_999)).isEqualTo("run-0");
  }

  @Test
  void should_default_to_pages_of_fifty() {
    assertThat(queries.list(null, null, null, null).get("executions")).hasSize(ConsoleQueries.DEFAULT_PAGE);
  }

  @Test
  void should_filter_by_status_and_name_prefix() {
    ObjectNode page = queries.list("FAILED", "run-99", null, "1000");

    assertThat(page.get("executions")).isNotEmpty().allSatisfy(e -> {
      assertThat(e.get("status").asText()).isEqualTo("FAILED");
      assertThat(e.get("name").asText()).startsWith("run-99");
    });
    assertThat(page.get("executions")).hasSize((int) executions.stream()
        .filter(e -> e.status() == ExecutionStatus.FAILED && e.name().startsWith("run-99")).count());
    assertThat(page.has("nextToken")).isFalse();
  }

  @Test
  void should_reject_a_token_of_another_listing() {
    String failedToken = queries.list("FAILED", null, null, "10").get("nextToken").asText();

    Throwable thrown = catchThrowable(() -> queries.list("SUCCEEDED", null, failedToken, "10"));

    assertThat(thrown).isInstanceOf(AwsException.class).hasMessageContaining("Invalid Token");
  }

  @Test
  void should_reject_an_unknown_status() {
    assertThat(catchThrowable(() -> queries.list("DONE", null, null, null))).isInstanceOf(AwsException.class);
  }

  @Test
  void should_count_executions_by_state_machine_and_status() {
    JsonNode counts = queries.counts().get("counts");

    assertThat(counts.get(MACHINE + "Orders").get("FAILED").asInt()
        + counts.get(MACHINE + "Images").get("FAILED").asInt()).isEqualTo(3_334);
    assertThat(counts.get(MACHINE + "Orders").get("SUCCEEDED").asInt()
        + counts.get(MACHINE + "Images").get("SUCCEEDED").asInt()).isEqualTo(6_666);
  }

  private static ExecutionSummary summary(String machine, String name, String status, long start) {
    return new ExecutionSummary(1, "arn:aws:states:us-east-1:123456789012:execution:" + machine + ":" + name,
        MACHINE + machine, name, ExecutionStatus.valueOf(status), start, start + 10, null, null, null, null, 0);
  }
}
