package dev.stepstream.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.eval.Expression;
import dev.stepstream.asl.eval.ResultPathExpression;
import dev.stepstream.asl.model.Catcher;
import dev.stepstream.asl.model.JitterStrategy;
import dev.stepstream.asl.model.Retrier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Builds Retry and Catch lists with the AWS defaults made explicit. */
final class ErrorHandlingParser {
  private final FieldCompiler fields;
  private final DataFlowParser flows;

  ErrorHandlingParser(FieldCompiler fields, DataFlowParser flows) {
    this.fields = fields;
    this.flows = flows;
  }

  List<Retrier> retriers(ParsedState state) {
    List<Retrier> retriers = new ArrayList<>();
    JsonNode array = state.get("Retry");
    for (int i = 0; i < array.size(); i++) {
      JsonNode node = array.get(i);
      retriers.add(new Retrier(
          errorNames(node),
          node.path("IntervalSeconds").asInt(Retrier.DEFAULT_INTERVAL_SECONDS),
          node.path("MaxAttempts").asInt(Retrier.DEFAULT_MAX_ATTEMPTS),
          node.path("BackoffRate").asDouble(Retrier.DEFAULT_BACKOFF_RATE),
          node.has("MaxDelaySeconds") ? OptionalInt.of(node.path("MaxDelaySeconds").asInt()) : OptionalInt.empty(),
          "FULL".equals(node.path("JitterStrategy").asText()) ? JitterStrategy.FULL : JitterStrategy.NONE));
    }
    return retriers;
  }

  List<Catcher> catchers(ParsedState state) {
    List<Catcher> catchers = new ArrayList<>();
    JsonNode array = state.get("Catch");
    for (int i = 0; i < array.size(); i++) {
      catchers.add(catcher(state, array.get(i), state.pointer("Catch") + "/" + i, "Catch[" + i + "]/"));
    }
    return catchers;
  }

  private Catcher catcher(ParsedState state, JsonNode node, String pointer, String namePrefix) {
    Optional<Expression> assign = fields.template(node.path("Assign"), pointer + "/Assign", namePrefix + "Assign", state.jsonata());
    if (state.jsonata()) {
      Optional<Expression> output = fields.jsonata(node.path("Output"), pointer + "/Output", namePrefix + "Output");
      return new Catcher(errorNames(node), node.path("Next").textValue(), null, output, assign);
    }
    ResultPathExpression resultPath = flows.resultPathOrDefault(node.path("ResultPath"), pointer + "/ResultPath");
    return new Catcher(errorNames(node), node.path("Next").textValue(), resultPath, Optional.empty(), assign);
  }

  private static List<String> errorNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.path("ErrorEquals").forEach(name -> names.add(name.asText()));
    return names;
  }
}
