package dev.stepstream.processor.integrations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code arn:aws:states:::sqs:sendMessage}: writes MessageBody (its text, as a consumer of the queue
 * would receive it) to the topic mapped from QueueUrl, keyed by MessageGroupId, with the message
 * attributes as headers; returns {@code {MD5OfMessageBody[, MD5OfMessageAttributes], MessageId[,
 * SequenceNumber]}} plus the SDK metadata.
 */
final class SqsSendMessage implements Integration {
  static final String INVALID = "SQS.AmazonSQSException";
  static final String MESSAGE_ID_HEADER = "stepstream-sqs-message-id";
  static final String DEDUPLICATION_ID_HEADER = "stepstream-sqs-deduplication-id";

  private final TopicRouter router;

  SqsSendMessage(TopicRouter router) {
    this.router = router;
  }

  @Override
  public Plan plan(Call call) {
    try {
      Params p = new Params(call.request().input(), INVALID);
      String queueUrl = p.text("QueueUrl");
      String body = p.body("MessageBody");
      if (body == null || body.isEmpty()) {
        throw new IntegrationFailure(INVALID, "The request must contain the parameter MessageBody.");
      }
      boolean fifo = queueUrl.endsWith(".fifo");
      String groupId = p.optionalText("MessageGroupId");
      if (fifo && groupId == null) {
        throw new IntegrationFailure(INVALID, "The request must contain the parameter MessageGroupId.");
      }
      String topic = router.sqs(queueUrl);
      if (!call.topics().ensure(topic)) {
        throw new IntegrationFailure("SQS.QueueDoesNotExistException",
            "The specified queue does not exist: " + queueUrl);
      }
      String messageId = call.ids().get();
      List<Outgoing.Header> headers = new ArrayList<>(p.attributeHeaders("MessageAttributes"));
      headers.add(new Outgoing.Header(MESSAGE_ID_HEADER, messageId));
      String deduplicationId = p.optionalText("MessageDeduplicationId");
      if (deduplicationId != null) {
        headers.add(new Outgoing.Header(DEDUPLICATION_ID_HEADER, deduplicationId));
      }
      Messages.addTokenHeaders(headers, call);
      Outgoing record = new Outgoing(topic, groupId, Params.utf8(body), headers);
      String attributesMd5 = p.node("MessageAttributes") == null || p.node("MessageAttributes").isEmpty()
          ? null : SqsAttributeDigest.md5(p.node("MessageAttributes"));
      String requestId = call.ids().get();
      return new Plan(List.of(record), written -> {
        ObjectNode result = AwsShapes.object().put("MD5OfMessageBody", AwsShapes.md5Hex(body));
        if (attributesMd5 != null) {
          result.put("MD5OfMessageAttributes", attributesMd5);
        }
        result.put("MessageId", messageId);
        if (fifo) {
          result.put("SequenceNumber", AwsShapes.sequenceNumber(written.get(0)));
        }
        AwsShapes.putSdkMetadata(result, requestId, "application/x-amz-json-1.0", call.nowMillis());
        return new Outcome.Succeeded(result);
      });
    } catch (IntegrationFailure e) {
      return Plan.failed(e);
    }
  }
}
