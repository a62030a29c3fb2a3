package dev.stepstream.processor.integrations;

import static dev.stepstream.processor.integrations.Calls.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class KafkaPublishTest {
  static final String PUBLISH = "arn:aws:states:::kafka:publish";

  @Test
  void shouldWriteKeyJsonValueAndHeadersAndReturnWhereTheRecordLanded() {
    Calls calls = new Calls();
    Plan plan = calls.plan(PUBLISH, """
        {"Topic":"orders","Key":"o-1","Value":{"total":12.5},"Headers":{"source":"checkout","n":3}}""");

    Outgoing record = plan.records().get(0);
    assertThat(record.topic()).isEqualTo("orders");
    assertThat(record.key()).isEqualTo("o-1");
    assertThat(Calls.value(record)).isEqualTo("{\"total\":12.5}");
    assertThat(Calls.header(record, "source")).isEqualTo("checkout");
    assertThat(Calls.header(record, "n")).isEqualTo("3");
    assertThat(Calls.header(record, Integration.TASK_TOKEN_HEADER)).isNull();
    assertThat(Calls.succeeded(plan).toString())
        .isEqualTo("{\"Topic\":\"orders\",\"Partition\":2,\"Offset\":41,\"Timestamp\":1700000000128}");
    assertThat(calls.created).containsExactly("orders");
  }

  @Test
  void shouldWriteAStringValueAsItsTextAndNoValueAsATombstone() {
    Calls calls = new Calls();
    assertThat(Calls.value(calls.plan(PUBLISH, "{\"Topic\":\"t\",\"Value\":\"plain text\"}").records().get(0)))
        .isEqualTo("plain text");
    Outgoing tombstone = calls.plan(PUBLISH, "{\"Topic\":\"t\",\"Key\":\"k\"}").records().get(0);
    assertThat(tombstone.value()).isNull();
    assertThat(tombstone.key()).isEqualTo("k");
  }

  @Test
  void shouldPutTheTokenInAHeaderAndInTheValueEnvelopeForWaitForTaskToken() {
    Plan plan = new Calls().plan(PUBLISH + ".waitForTaskToken", "{\"Topic\":\"approvals\",\"Value\":{\"order\":7}}");

    Outgoing record = plan.records().get(0);
    assertThat(json(Calls.value(record))).isEqualTo(json("""
        {"TaskToken":"token-1","ExecutionArn":"%s","Value":{"order":7}}""".formatted(Calls.EXECUTION)));
    assertThat(Calls.header(record, Integration.TASK_TOKEN_HEADER)).isEqualTo("token-1");
    assertThat(Calls.header(record, Integration.EXECUTION_ARN_HEADER)).isEqualTo(Calls.EXECUTION);
  }

  @Test
  void shouldRefuseStepstreamsOwnTopicsAndKafkasInternalOnes() {
    Calls calls = new Calls();
    for (String topic : new String[] {"stepstream.commands", "stepstream.task-results", "stepstream.tasks.Work",
        "__consumer_offsets"}) {
      Outcome.Failed failed = Calls.failed(calls.plan(PUBLISH, "{\"Topic\":\"" + topic + "\",\"Value\":1}"));
      assertThat(failed.error()).as(topic).isEqualTo("Kafka.TopicAuthorizationException");
      assertThat(failed.cause()).isEqualTo("Not authorized to publish to the topic '" + topic + "'.");
    }
  }

  @Test
  void shouldRefuseTopicsOutsideTheAllowedPattern() {
    Calls calls = new Calls(IntegrationSettings.defaults("stepstream.").withKafkaTopics(Pattern.compile("public\\..*")));
    assertThat(Calls.failed(calls.plan(PUBLISH, "{\"Topic\":\"secret\",\"Value\":1}")).error())
        .isEqualTo("Kafka.TopicAuthorizationException");
    assertThat(calls.plan(PUBLISH, "{\"Topic\":\"public.news\",\"Value\":1}").records()).hasSize(1);
  }

  @Test
  void shouldFailWithKafkaErrorNamesForBadTopicsAndMissingParameters() {
    Calls calls = new Calls();
    assertThat(Calls.failed(calls.plan(PUBLISH, "{\"Topic\":\"a b\",\"Value\":1}")).error())
        .isEqualTo("Kafka.InvalidTopicException");
    Outcome.Failed missing = Calls.failed(calls.plan(PUBLISH, "{\"Value\":1}"));
    assertThat(missing.error()).isEqualTo("Kafka.InvalidRequestException");
    assertThat(missing.cause()).isEqualTo("The parameter 'Topic' is required.");
    calls.createTopics = false;
    Outcome.Failed unknown = Calls.failed(calls.plan(PUBLISH, "{\"Topic\":\"nowhere\",\"Value\":1}"));
    assertThat(unknown.error()).isEqualTo("Kafka.UnknownTopicOrPartitionException");
    assertThat(calls.plan(PUBLISH, "{\"Topic\":\"nowhere\",\"Value\":1}").records()).isEmpty();
  }

  @Test
  void shouldRefuseRecordsLargerThanKafkasDefaultRequestSize() {
    String big = "x".repeat(KafkaPublish.MAX_RECORD_BYTES + 1);
    assertThat(Calls.failed(new Calls().plan(PUBLISH, "{\"Topic\":\"t\",\"Value\":\"" + big + "\"}")).error())
        .isEqualTo("Kafka.RecordTooLargeException");
  }
}
