package dev.stepstream.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;

class ExecutionStatusChangeTest {
  private static final String ID_PREFIX = "https://stepstream.dev/schemas/";
  private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
          b -> b.schemaIdResolvers(r -> r.mapPrefix(ID_PREFIX, "classpath:stepstream/schemas/")))
      .getSchema(SchemaLocation.of(ID_PREFIX + "execution-status-change.schema.json"));
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String EXECUTION = "arn:aws:states:eu-west-1:123456789012:execution:Orders:o-1";
  private static final String MACHINE = "arn:aws:states:eu-west-1:123456789012:stateMachine:Orders";

  private static ExecutionSummary summary(ExecutionStatus status, JsonNode output, String error, Long stop) {
    return new ExecutionSummary(1, EXECUTION, MACHINE, "o-1", status, 1_551_225_271_984L, stop,
        JSON.objectNode().put("id", 7), output, error, error == null ? null : "it broke", 0);
  }

  @Test
  void shouldHaveTheAwsEnvelopeWhenRunning() {
    JsonNode event = ExecutionStatusChange.of(summary(ExecutionStatus.RUNNING, null, null, null), 1_551_225_271_984L);

    assertThat(event.path("version").asText()).isEqualTo("0");
    assertThat(event.path("detail-type").asText()).isEqualTo("Step Functions Execution Status Change");
    assertThat(event.path("source").asText()).isEqualTo("aws.states");
    assertThat(event.path("account").asText()).isEqualTo("123456789012");
    assertThat(event.path("region").asText()).isEqualTo("eu-west-1");
    assertThat(event.path("time").asText()).isEqualTo("2019-02-26T23:54:31Z");
    assertThat(event.path("resources").get(0).asText()).isEqualTo(EXECUTION);
    JsonNode detail = event.path("detail");
    assertThat(detail.path("status").asText()).isEqualTo("RUNNING");
    assertThat(detail.path("input").asText()).isEqualTo("{\"id\":7}");
    assertThat(detail.path("inputDetails").path("included").asBoolean()).isTrue();
    assertThat(detail.get("stopDate").isNull()).isTrue();
    assertThat(detail.get("output").isNull()).isTrue();
    assertThat(detail.get("outputDetails").isNull()).isTrue();
    assertThat(detail.get("error").isNull()).isTrue();
    assertThat(SCHEMA.validate(event)).isEmpty();
  }

  @Test
  void shouldCarryTheOutputAsJsonTextWhenSucceeded() {
    JsonNode event = ExecutionStatusChange.of(summary(ExecutionStatus.SUCCEEDED, JSON.objectNode().put("ok", true),
        null, 1_551_225_272_000L), 1_551_225_272_000L);

    assertThat(event.path("detail").path("output").asText()).isEqualTo("{\"ok\":true}");
    assertThat(event.path("detail").path("outputDetails").path("included").asBoolean()).isTrue();
    assertThat(event.path("detail").path("stopDate").asLong()).isEqualTo(1_551_225_272_000L);
    assertThat(SCHEMA.validate(event)).isEmpty();
  }

  @Test
  void shouldCarryErrorAndCauseWhenFailed() {
    JsonNode event = ExecutionStatusChange.of(summary(ExecutionStatus.FAILED, null, "States.TaskFailed", 9L), 9L);

    assertThat(event.path("detail").path("error").asText()).isEqualTo("States.TaskFailed");
    assertThat(event.path("detail").path("cause").asText()).isEqualTo("it broke");
    assertThat(SCHEMA.validate(event)).isEmpty();
  }

  @Test
  void shouldLeaveOutTheInputWhenInputAndOutputTogetherExceedTheEventLimit() {
    String half = "x".repeat(130 * 1024);
    ExecutionSummary big = new ExecutionSummary(1, EXECUTION, MACHINE, "o-1", ExecutionStatus.SUCCEEDED, 1L, 2L,
        JSON.textNode(half), JSON.textNode(half), null, null, 0);

    JsonNode detail = ExecutionStatusChange.of(big, 2L).path("detail");

    assertThat(detail.get("input").isNull()).isTrue();
    assertThat(detail.path("inputDetails").path("included").asBoolean()).isFalse();
    assertThat(detail.path("output").asText()).hasSize(half.length() + 2);
    assertThat(detail.path("outputDetails").path("included").asBoolean()).isTrue();
  }

  @Test
  void shouldGiveTheTimeToTheSecondAsIso8601WhicheverSecondCameBefore() {
    assertThat(ExecutionStatusChange.time(1_551_225_271_984L)).isEqualTo("2019-02-26T23:54:31Z");
    assertThat(ExecutionStatusChange.time(1_551_225_271_001L)).isEqualTo("2019-02-26T23:54:31Z");
    assertThat(ExecutionStatusChange.time(1_551_225_272_000L)).isEqualTo("2019-02-26T23:54:32Z");
    assertThat(ExecutionStatusChange.time(1_551_225_271_999L)).isEqualTo("2019-02-26T23:54:31Z");
    assertThat(ExecutionStatusChange.time(-1L)).isEqualTo("1969-12-31T23:59:59Z");
    assertThat(ExecutionStatusChange.time(0L)).isEqualTo("1970-01-01T00:00:00Z");
  }

  @Test
  void shouldGiveTheSameIdToTheSameStatusAndADifferentOneToTheNext() {
    String running = ExecutionStatusChange.of(summary(ExecutionStatus.RUNNING, null, null, null), 1L).path("id").asText();
    String again = ExecutionStatusChange.of(summary(ExecutionStatus.RUNNING, null, null, null), 5L).path("id").asText();
    String failed = ExecutionStatusChange.of(summary(ExecutionStatus.FAILED, null, "E", 2L), 2L).path("id").asText();

    assertThat(again).isEqualTo(running);
    assertThat(failed).isNotEqualTo(running);
  }

  @Test
  void shouldDescribeTheRunningPhaseOfAFinishedExecution() {
    ExecutionSummary running = ExecutionStatusChange.running(summary(ExecutionStatus.FAILED, null, "E", 2L));

    assertThat(running.status()).isEqualTo(ExecutionStatus.RUNNING);
    assertThat(running.stopDate()).isNull();
    assertThat(running.error()).isNull();
    assertThat(running.input()).isEqualTo(JSON.objectNode().put("id", 7));
  }

  @Test
  void shouldDeriveTheSameNameUuidsAsTheJdk() {
    for (String name : new String[] {"", "arn:aws:states:us-east-1:1:execution:M:e|RUNNING|0", "\u00e9\u2603|SUCCEEDED|3"}) {
      byte[] bytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      assertThat(ExecutionStatusChange.nameUuid(bytes)).isEqualTo(java.util.UUID.nameUUIDFromBytes(bytes));
    }
  }

  @Test
  void shouldStreamTheSameBytesAsTheTreeOnEveryShape() throws Exception {
    String half = "x".repeat(130 * 1024);
    ExecutionSummary[] shapes = {
        summary(ExecutionStatus.RUNNING, null, null, null),
        summary(ExecutionStatus.SUCCEEDED, JSON.objectNode().put("ok", true).put("n", 1.50), null, 9L),
        summary(ExecutionStatus.FAILED, null, "States.TaskFailed", 9L),
        new ExecutionSummary(1, "arn:aws:states:eu-west-1:1:execution:M:\u00e9\u2603 \"q\"\n", MACHINE, "\u00e9\u2603",
            ExecutionStatus.ABORTED, 3L, 4L, JSON.textNode("line\u0001\n"), JSON.nullNode(), "E\t", "c\u00e9", 2),
        new ExecutionSummary(1, EXECUTION, MACHINE, "o-1", ExecutionStatus.SUCCEEDED, 1L, 2L, JSON.textNode(half),
            JSON.textNode(half), null, null, 0),
        new ExecutionSummary(1, EXECUTION, MACHINE, "o-1", ExecutionStatus.SUCCEEDED, 1L, 2L, JSON.objectNode(),
            JSON.textNode(half + half), null, null, 0),
        new ExecutionSummary(1, "arn:aws:states", MACHINE, "short", ExecutionStatus.TIMED_OUT, -1L, 0L, null, null,
            null, null, 0)};

    for (ExecutionSummary shape : shapes) {
      for (long time : new long[] {0L, 1_551_225_271_984L, -1L}) {
        assertThat(new String(ExecutionStatusChange.encode(shape, time), java.nio.charset.StandardCharsets.UTF_8))
            .isEqualTo(WireJson.mapper().writeValueAsString(ExecutionStatusChange.of(shape, time)));
      }
    }
  }

  @Test
  void shouldReadArnFieldsAsASplitOnColonsDoes() {
    for (String arn : new String[] {"", "arn", "arn:aws:states:r", "arn:aws:states:r:", "arn:aws:states:r:a",
        "arn:aws:states:r:a:execution:M:e", "::::::"}) {
      String[] parts = arn.split(":", -1);
      assertThat(ExecutionStatusChange.arnField(arn, 3)).as(arn).isEqualTo(parts.length > 3 ? parts[3] : "");
      assertThat(ExecutionStatusChange.arnField(arn, 4)).as(arn).isEqualTo(parts.length > 4 ? parts[4] : "");
    }
  }
}
