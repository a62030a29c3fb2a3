package dev.stepstream.processor.integrations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code arn:aws:states:::sns:publish}: writes the SNS notification that a subscriber would receive
 * ({@code {Type, MessageId, TopicArn, Subject, Message, Timestamp, MessageAttributes}}) to the
 * topic mapped from TopicArn or TargetArn, and returns {@code {MessageId[, SequenceNumber]}} plus the
 * SDK metadata.
 */
final class SnsPublish implements Integration {
  static final String INVALID = "SNS.InvalidParameterException";

  private final TopicRouter router;

  SnsPublish(TopicRouter router) {
    this.router = router;
  }

  @Override
  public Plan plan(Call call) {
    try {
      Params p = new Params(call.request().input(), INVALID);
      if (p.node("PhoneNumber") != null) {
        throw new IntegrationFailure(INVALID, "PhoneNumber is not supported: publish to a TopicArn or TargetArn.");
      }
      String arn = p.node("TopicArn") != null ? p.text("TopicArn") : p.optionalText("TargetArn");
      if (arn == null) {
        throw new IntegrationFailure(INVALID, "The parameter 'TopicArn' or 'TargetArn' is required.");
      }
      String message = p.body("Message");
      if (message == null) {
        throw new IntegrationFailure(INVALID, "The parameter 'Message' is required.");
      }
      boolean fifo = arn.endsWith(".fifo");
      String groupId = p.optionalText("MessageGroupId");
      if (fifo && groupId == null) {
        throw new IntegrationFailure(INVALID, "The parameter 'MessageGroupId' is required for FIFO topics.");
      }
      String topic = router.sns(arn);
      if (!call.topics().ensure(topic)) {
        throw new IntegrationFailure("SNS.NotFoundException", "Topic does not exist: " + arn);
      }
      String messageId = call.ids().get();
      List<Outgoing.Header> headers = new ArrayList<>(p.attributeHeaders("MessageAttributes"));
      Messages.addTokenHeaders(headers, call);
      ObjectNode notification = notification(call, p, arn, message, messageId);
      Outgoing record = new Outgoing(topic, groupId, Params.utf8(notification.toString()), headers);
      String requestId = call.ids().get();
      return new Plan(List.of(record), written -> {
        ObjectNode result = AwsShapes.object().put("MessageId", messageId);
        if (fifo) {
          result.put("SequenceNumber", AwsShapes.sequenceNumber(written.get(0)));
        }
        AwsShapes.putSdkMetadata(result, requestId, "text/xml", call.nowMillis());
        return new Outcome.Succeeded(result);
      });
    } catch (IntegrationFailure e) {
      return Plan.failed(e);
    }
  }

  private static ObjectNode notification(Call call, Params p, String arn, String message, String messageId) {
    ObjectNode n = AwsShapes.object();
    n.put("Type", "Notification");
    n.put("MessageId", messageId);
    n.put("TopicArn", arn);
    String subject = p.optionalText("Subject");
    if (subject != null) {
      n.put("Subject", subject);
    }
    n.put("Message", message);
    n.put("Timestamp", AwsShapes.isoMillis(call.nowMillis()));
    if (p.node("MessageAttributes") != null) {
      ObjectNode attributes = n.putObject("MessageAttributes");
      p.node("MessageAttributes").fields().forEachRemaining(a -> attributes.putObject(a.getKey())
          .put("Type", a.getValue().path("DataType").asText())
          .put("Value", a.getValue().has("StringValue") ? a.getValue().path("StringValue").asText()
              : a.getValue().path("BinaryValue").asText()));
    }
    return n;
  }
}
