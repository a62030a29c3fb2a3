package dev.stepstream.processor.integrations;

import static dev.stepstream.processor.integrations.Calls.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagingIntegrationsTest {
  static final String SNS = "arn:aws:states:::sns:publish";
  static final String SQS = "arn:aws:states:::sqs:sendMessage";
  static final String EVENTS = "arn:aws:states:::events:putEvents";
  static final String TOPIC_ARN = "arn:aws:sns:eu-west-1:123456789012:alerts";
  static final String QUEUE_URL = "https://sqs.eu-west-1.amazonaws.com/123456789012/jobs";

  @Test
  void shouldPublishTheSnsNotificationToTheMappedTopicAndReturnTheMessageId() {
    Calls calls = new Calls();
    Plan plan = calls.plan(SNS, """
        {"TopicArn":"%s","Subject":"Hi","Message":{"order":7},
         "MessageAttributes":{"kind":{"DataType":"String","StringValue":"urgent"}}}""".formatted(TOPIC_ARN));

    Outgoing record = plan.records().get(0);
    assertThat(record.topic()).isEqualTo("stepstream.sns.alerts");
    assertThat(record.key()).isNull();
    assertThat(Calls.header(record, "kind")).isEqualTo("urgent");
    assertThat(json(Calls.value(record))).isEqualTo(json("""
        {"Type":"Notification","MessageId":"id-1","TopicArn":"%s","Subject":"Hi","Message":"{\\"order\\":7}",
         "Timestamp":"2023-11-14T22:13:20.123Z","MessageAttributes":{"kind":{"Type":"String","Value":"urgent"}}}"""
        .formatted(TOPIC_ARN)));
    JsonNode result = Calls.succeeded(plan);
    assertThat(result.get("MessageId").asText()).isEqualTo("id-1");
    assertThat(result.has("SequenceNumber")).isFalse();
    assertThat(result.at("/SdkHttpMetadata/HttpStatusCode").asInt()).isEqualTo(200);
    assertThat(result.at("/SdkHttpMetadata/HttpHeaders")).isEqualTo(json("""
        {"Content-Type":"text/xml","Date":"Tue, 14 Nov 2023 22:13:20 GMT","x-amzn-RequestId":"id-2"}"""));
    assertThat(result.at("/SdkHttpMetadata/AllHttpHeaders/x-amzn-RequestId")).isEqualTo(json("[\"id-2\"]"));
    assertThat(result.at("/SdkResponseMetadata/RequestId").asText()).isEqualTo("id-2");
  }

  @Test
  void shouldKeyFifoTopicsByGroupAndReturnASequenceNumber() {
    Plan plan = new Calls().plan(SNS, """
        {"TargetArn":"arn:aws:sns:eu-west-1:1:orders.fifo","Message":"m","MessageGroupId":"g1"}""");
    assertThat(plan.records().get(0).topic()).isEqualTo("stepstream.sns.orders.fifo");
    assertThat(plan.records().get(0).key()).isEqualTo("g1");
    assertThat(Calls.succeeded(plan).get("SequenceNumber").asText()).isEqualTo("00000000000000000041");
  }

  @Test
  void shouldUseAnExplicitMappingBeforeTheDefault() {
    Calls calls = new Calls(IntegrationSettings.defaults("stepstream.").withMappings(Map.of(TOPIC_ARN, "ops-alerts")));
    assertThat(calls.plan(SNS, "{\"TopicArn\":\"%s\",\"Message\":\"m\"}".formatted(TOPIC_ARN)).records().get(0).topic())
        .isEqualTo("ops-alerts");
  }

  @Test
  void shouldFailWithSnsErrorNames() {
    Calls calls = new Calls();
    Outcome.Failed noMessage = Calls.failed(calls.plan(SNS, "{\"TopicArn\":\"%s\"}".formatted(TOPIC_ARN)));
    assertThat(noMessage.error()).isEqualTo("SNS.InvalidParameterException");
    assertThat(noMessage.cause()).isEqualTo("The parameter 'Message' is required.");
    calls.createTopics = false;
    Outcome.Failed missing = Calls.failed(calls.plan(SNS, "{\"TopicArn\":\"%s\",\"Message\":\"m\"}".formatted(TOPIC_ARN)));
    assertThat(missing.error()).isEqualTo("SNS.NotFoundException");
    assertThat(missing.cause()).isEqualTo("Topic does not exist: " + TOPIC_ARN);
  }

  @Test
  void shouldSendTheSqsBodyAsItsTextAndReturnItsMd5() {
    Plan plan = new Calls().plan(SQS, """
        {"QueueUrl":"%s","MessageBody":"hello","MessageAttributes":{"a":{"DataType":"String","StringValue":"1"}}}"""
        .formatted(QUEUE_URL));
    Outgoing record = plan.records().get(0);
    assertThat(record.topic()).isEqualTo("stepstream.sqs.jobs");
    assertThat(Calls.value(record)).isEqualTo("hello");
    assertThat(Calls.header(record, "a")).isEqualTo("1");
    assertThat(Calls.header(record, SqsSendMessage.MESSAGE_ID_HEADER)).isEqualTo("id-1");
    JsonNode result = Calls.succeeded(plan);
    assertThat(result.get("MD5OfMessageBody").asText()).isEqualTo("5d41402abc4b2a76b9719d911017c592");
    assertThat(result.get("MD5OfMessageAttributes").asText()).matches("[0-9a-f]{32}");
    assertThat(result.get("MessageId").asText()).isEqualTo("id-1");
    assertThat(result.has("SequenceNumber")).isFalse();
    assertThat(result.at("/SdkHttpMetadata/HttpHeaders/Content-Type").asText()).isEqualTo("application/x-amz-json-1.0");
  }

  @Test
  void shouldDigestMessageAttributesByValue() {
    JsonNode one = json("{\"a\":{\"DataType\":\"String\",\"StringValue\":\"1\"}}");
    JsonNode two = json("{\"a\":{\"DataType\":\"String\",\"StringValue\":\"2\"}}");
    assertThat(SqsAttributeDigest.md5(one)).isNotEqualTo(SqsAttributeDigest.md5(two)).isEqualTo(SqsAttributeDigest
        .md5(json("{\"a\":{\"StringValue\":\"1\",\"DataType\":\"String\"}}")));
  }

  @Test
  void shouldSerializeJsonBodiesAndRequireAGroupOnFifoQueues() {
    Calls calls = new Calls();
    Plan plan = calls.plan(SQS, "{\"QueueUrl\":\"%s.fifo\",\"MessageBody\":{\"n\":1},\"MessageGroupId\":\"g\",\"MessageDeduplicationId\":\"d\"}"
        .formatted(QUEUE_URL));
    assertThat(Calls.value(plan.records().get(0))).isEqualTo("{\"n\":1}");
    assertThat(plan.records().get(0).key()).isEqualTo("g");
    assertThat(Calls.header(plan.records().get(0), SqsSendMessage.DEDUPLICATION_ID_HEADER)).isEqualTo("d");
    assertThat(Calls.succeeded(plan).get("SequenceNumber").asText()).isEqualTo("00000000000000000041");
    Outcome.Failed noGroup = Calls.failed(calls.plan(SQS, "{\"QueueUrl\":\"%s.fifo\",\"MessageBody\":\"m\"}".formatted(QUEUE_URL)));
    assertThat(noGroup.error()).isEqualTo("SQS.AmazonSQSException");
    assertThat(noGroup.cause()).isEqualTo("The request must contain the parameter MessageGroupId.");
    calls.createTopics = false;
    assertThat(Calls.failed(calls.plan(SQS, "{\"QueueUrl\":\"%s/other\",\"MessageBody\":\"m\"}".formatted(QUEUE_URL)))
        .error()).isEqualTo("SQS.QueueDoesNotExistException");
  }

  @Test
  void shouldWriteEachEntryAsAnEventBridgeEventAndReturnTheirIds() {
    Plan plan = new Calls().plan(EVENTS, """
        {"Entries":[
          {"Source":"shop","DetailType":"OrderPlaced","Detail":{"order":7},"Resources":["r1"]},
          {"Source":"shop","DetailType":"Audit","Detail":"{\\"ok\\":true}","EventBusName":"arn:aws:events:eu-west-1:1:event-bus/audit","Time":"2024-01-02T03:04:05Z"}]}""");

    assertThat(plan.records()).extracting(Outgoing::topic).containsExactly("stepstream.events.default", "stepstream.events.audit");
    assertThat(json(Calls.value(plan.records().get(0)))).isEqualTo(json("""
        {"version":"0","id":"id-1","detail-type":"OrderPlaced","source":"shop","account":"123456789012",
         "time":"2023-11-14T22:13:20Z","region":"eu-west-1","resources":["r1","%s","%s"],"detail":{"order":7}}"""
        .formatted(Calls.MACHINE, Calls.EXECUTION)));
    JsonNode second = json(Calls.value(plan.records().get(1)));
    assertThat(second.get("detail")).isEqualTo(json("{\"ok\":true}"));
    assertThat(second.get("time").asText()).isEqualTo("2024-01-02T03:04:05Z");
    assertThat(Calls.succeeded(plan).toString())
        .isEqualTo("{\"Entries\":[{\"EventId\":\"id-1\"},{\"EventId\":\"id-2\"}],\"FailedEntryCount\":0}");
  }

  @Test
  void shouldFailWithFailedEntryWhenAnEntryIsInvalidButWriteTheValidOnes() {
    Plan plan = new Calls().plan(EVENTS, """
        {"Entries":[{"Source":"shop","DetailType":"A","Detail":{}},{"DetailType":"B","Detail":{}},
          {"Source":"shop","DetailType":"C","Detail":"not json"}]}""");
    assertThat(plan.records()).hasSize(1);
    Outcome.Failed failed = Calls.failed(plan);
    assertThat(failed.error()).isEqualTo("EventBridge.FailedEntry");
    assertThat(json(failed.cause())).isEqualTo(json("""
        {"Entries":[{"EventId":"id-1"},
          {"ErrorCode":"InvalidArgument","ErrorMessage":"Parameter Source is not valid. Reason: Source is a required argument."},
          {"ErrorCode":"MalformedDetail","ErrorMessage":"Detail is malformed."}],"FailedEntryCount":2}"""));
  }

  @Test
  void shouldAddTokenHeadersToMessagingRecordsForWaitForTaskToken() {
    Calls calls = new Calls();
    Plan sns = calls.plan(SNS + ".waitForTaskToken", "{\"TopicArn\":\"%s\",\"Message\":\"m\"}".formatted(TOPIC_ARN));
    Plan sqs = calls.plan(SQS + ".waitForTaskToken", "{\"QueueUrl\":\"%s\",\"MessageBody\":\"m\"}".formatted(QUEUE_URL));
    assertThat(Calls.header(sns.records().get(0), Integration.TASK_TOKEN_HEADER)).isEqualTo("token-1");
    assertThat(Calls.header(sqs.records().get(0), Integration.TASK_TOKEN_HEADER)).isEqualTo("token-1");
    assertThat(Calls.value(sqs.records().get(0))).isEqualTo("m");
  }
}
