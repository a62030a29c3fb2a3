package dev.stepstream.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.choice.ChoiceRule;
import dev.stepstream.asl.choice.Comparison;
import dev.stepstream.asl.choice.JsonataCondition;
import dev.stepstream.asl.choice.Operator;
import dev.stepstream.asl.eval.Expression;
import dev.stepstream.asl.eval.PathExpression;
import dev.stepstream.asl.model.Choice;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Compiles Choices: JSONPath rule trees (Variable and {@code *Path} operands compiled) or JSONata Conditions. */
final class ChoiceParser {
  private final FieldCompiler fields;

  ChoiceParser(FieldCompiler fields) {
    this.fields = fields;
  }

  List<Choice> choices(ParsedState state) {
    List<Choice> choices = new ArrayList<>();
    JsonNode array = state.get("Choices");
    for (int i = 0; i < array.size(); i++) {
      choices.add(choice(state, array.get(i), state.pointer("Choices") + "/" + i, "Choices[" + i + "]/"));
    }
    return choices;
  }

  private Choice choice(ParsedState state, JsonNode node, String pointer, String namePrefix) {
    Optional<Expression> assign = fields.template(node.path("Assign"), pointer + "/Assign", namePrefix + "Assign", state.jsonata());
    if (state.jsonata()) {
      JsonNode condition = node.path("Condition");
      Expression compiled = fields.jsonata(condition, pointer + "/Condition", namePrefix + "Condition").orElse(null);
      Optional<Expression> output = fields.jsonata(node.path("Output"), pointer + "/Output", namePrefix + "Output");
      ChoiceRule rule = compiled == null ? null : new JsonataCondition(condition.asText(), compiled);
      return new Choice(rule, node.path("Next").textValue(), assign, output);
    }
    return new Choice(rule(node, pointer), node.path("Next").textValue(), assign, Optional.empty());
  }

  /** A JSONPath rule; null when some part is invalid (the problem is reported elsewhere). */
  private ChoiceRule rule(JsonNode node, String pointer) {
    if (node.has("And") || node.has("Or")) {
      String field = node.has("And") ? "And" : "Or";
      List<ChoiceRule> rules = new ArrayList<>();
      JsonNode array = node.path(field);
      for (int i = 0; i < array.size(); i++) {
        rules.add(rule(array.get(i), pointer + "/" + field + "/" + i));
      }
      return "And".equals(field) ? new ChoiceRule.And(rules) : new ChoiceRule.Or(rules);
    }
    if (node.has("Not")) {
      return new ChoiceRule.Not(rule(node.path("Not"), pointer + "/Not"));
    }
    return comparison(node, pointer);
  }

  private ChoiceRule comparison(JsonNode node, String pointer) {
    PathExpression variable = fields.path(node.path("Variable"), pointer + "/Variable");
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      Optional<Operator> operator = Operator.fromField(field);
      if (operator.isEmpty()) {
        continue;
      }
      if (operator.get().pathOperand()) {
        PathExpression operand = fields.path(node.path(field), pointer + "/" + field);
        return variable == null || operand == null ? null : Comparison.withPath(operator.get(), variable, operand);
      }
      return variable == null ? null : Comparison.withLiteral(operator.get(), variable, node.path(field));
    }
    return null;
  }
}
