package dev.stepstream.processor.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A Distributed Map's ResultWriter ({@code tasks.__states.resultWriter}). {@code s3:putObject} writes
 * AWS's layout under {@code <Bucket>/<Prefix>/<map run id>/}: {@code SUCCEEDED_0.json},
 * {@code FAILED_0.json} (each only when it has entries) and {@code manifest.json}, and returns
 * {@code ResultWriterDetails {Bucket, Key}}. {@code kafka:publish} (Stepstream's own) writes one
 * record per item to {@code Topic}, keyed by the Map Run ARN, in the runner's transaction, and
 * returns {@code ResultWriterDetails {Topic, Records}}.
 */
final class ResultWriterIntegration implements Integration {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final String RESULT_WRITER_FAILED = "States.ResultWriterFailed";
  private final ObjectStore store;
  private final TopicRouter router;

  ResultWriterIntegration(ObjectStore store, TopicRouter router) {
    this.store = store;
    this.router = router;
  }

  @Override
  public Plan plan(Call call) {
    JsonNode input = call.request().input();
    JsonNode writer = input.path("ResultWriter");
    String resource = writer.path("Resource").asText("");
    JsonNode parameters = writer.has("Arguments") ? writer.path("Arguments") : writer.path("Parameters");
    try {
      if (resource.equals("arn:aws:states:::s3:putObject")) {
        JsonNode details = ResultFiles.write(store, parameters, writer.path("WriterConfig"),
            input.path("MapRunArn").asText(""), input.path("Results"));
        ObjectNode output = NODES.objectNode().set("ResultWriterDetails", details);
        return new Plan(List.of(), written -> new Outcome.Succeeded(output));
      }
      if (resource.equals("arn:aws:states:::kafka:publish")) {
        return topic(call, parameters, input);
      }
      return Plan.failed(new IntegrationFailure(RESULT_WRITER_FAILED, "The ResultWriter resource '" + resource
          + "' is not supported; use arn:aws:states:::s3:putObject or arn:aws:states:::kafka:publish."));
    } catch (IntegrationFailure e) {
      return Plan.failed(e);
    } catch (RuntimeException e) {
      return Plan.failed(new IntegrationFailure(RESULT_WRITER_FAILED, String.valueOf(e.getMessage())));
    }
  }

  private Plan topic(Call call, JsonNode parameters, JsonNode input) {
    String topic = router.kafka(parameters.path("Topic").asText(""));
    if (!call.topics().ensure(topic)) {
      throw new IntegrationFailure(RESULT_WRITER_FAILED, "The topic '" + topic
          + "' does not exist and topics are not created on first use.");
    }
    String mapRunArn = input.path("MapRunArn").asText("");
    List<Outgoing> records = new ArrayList<>();
    for (JsonNode entry : input.path("Results")) {
      ObjectNode value = NODES.objectNode().put("MapRunArn", mapRunArn);
      value.setAll((ObjectNode) entry.deepCopy());
      records.add(new Outgoing(topic, mapRunArn, Params.utf8(value.toString()), List.of()));
    }
    return new Plan(records, written -> {
      ObjectNode details = NODES.objectNode().put("Topic", topic).put("Records", written.size());
      return new Outcome.Succeeded(NODES.objectNode().set("ResultWriterDetails", details));
    });
  }

}
