package dev.stepstream.processor.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A Distributed Map's ResultWriter ({@code tasks.__states.resultWriter}), called once per page with
 * that page's results ({@code Part}: answers {@code PartWritten {Part, Results}}) and once after the
 * last page ({@code Manifest}: answers {@code ResultWriterDetails}). {@code s3:putObject} writes
 * AWS's layout under {@code <Bucket>/<Prefix>/<map run id>/}: {@code SUCCEEDED_<n>.json} and
 * {@code FAILED_<n>.json} per part (each only when it has entries), then {@code manifest.json}, and
 * returns {@code ResultWriterDetails {Bucket, Key}}. {@code kafka:publish} (Stepstream's own) writes
 * one record per item to {@code Topic}, keyed by the Map Run ARN, in the runner's transaction, and
 * returns {@code ResultWriterDetails {Topic, Records}}. A request with {@code Results} but neither
 * (a Map Run started before paging) writes everything at once.
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
        return new Plan(List.of(), files(parameters, writer.path("WriterConfig"), input));
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

  /** A part (a page's results), the manifest after the last part, or all results at once (before paging). */
  private Function<List<Written>, Outcome> files(JsonNode parameters, JsonNode writerConfig, JsonNode input) {
    String mapRunArn = input.path("MapRunArn").asText("");
    ObjectNode output = NODES.objectNode();
    if (input.has("Part")) {
      int part = input.path("Part").asInt();
      int count = ResultFiles.writePart(store, parameters, writerConfig, mapRunArn, part, input.path("Results"));
      output.putObject("PartWritten").put("Part", part).put("Results", count);
    } else if (input.has("Manifest")) {
      output.set("ResultWriterDetails", ResultFiles.writeManifest(store, parameters, mapRunArn,
          input.path("Manifest").path("Parts").asInt()));
    } else {
      output.set("ResultWriterDetails", ResultFiles.write(store, parameters, writerConfig, mapRunArn,
          input.path("Results")));
    }
    return written -> new Outcome.Succeeded(output);
  }

  private Plan topic(Call call, JsonNode parameters, JsonNode input) {
    String topic = router.kafka(parameters.path("Topic").asText(""));
    if (!call.topics().ensure(topic)) {
      throw new IntegrationFailure(RESULT_WRITER_FAILED, "The topic '" + topic
          + "' does not exist and topics are not created on first use.");
    }
    String mapRunArn = input.path("MapRunArn").asText("");
    if (input.has("Manifest")) {
      long records = input.path("Manifest").path("ResultsWritten").asLong();
      ObjectNode details = NODES.objectNode().put("Topic", topic).put("Records", records);
      ObjectNode output = NODES.objectNode().set("ResultWriterDetails", details);
      return new Plan(List.of(), written -> new Outcome.Succeeded(output));
    }
    List<Outgoing> records = new ArrayList<>();
    for (JsonNode entry : input.path("Results")) {
      ObjectNode value = NODES.objectNode().put("MapRunArn", mapRunArn);
      value.setAll((ObjectNode) entry.deepCopy());
      records.add(new Outgoing(topic, mapRunArn, Params.utf8(value.toString()), List.of()));
    }
    boolean part = input.has("Part");
    return new Plan(records, written -> {
      if (part) {
        ObjectNode output = NODES.objectNode();
        output.putObject("PartWritten").put("Part", input.path("Part").asInt()).put("Results", written.size());
        return new Outcome.Succeeded(output);
      }
      ObjectNode details = NODES.objectNode().put("Topic", topic).put("Records", written.size());
      return new Outcome.Succeeded(NODES.objectNode().set("ResultWriterDetails", details));
    });
  }

}
