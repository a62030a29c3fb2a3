package dev.stepstream.asl.dataflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.eval.Expression;
import dev.stepstream.asl.eval.InvalidExpressionException;
import dev.stepstream.asl.intrinsics.IntrinsicFunctions;
import dev.stepstream.asl.path.JsonPathExpressions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JSONPath-mode payload template (Parameters, ItemSelector, ResultSelector, Assign). Keys ending in
 * {@code .$} take a path or an intrinsic call and lose the suffix in the output; nested objects and
 * arrays are walked; everything else is copied. Compiled once, immutable and thread-safe.
 */
public final class PayloadTemplate implements Expression {
  private static final String DYNAMIC_SUFFIX = ".$";

  private final TemplateNode root;

  private PayloadTemplate(TemplateNode root) {
    this.root = root;
  }

  /**
   * @throws InvalidExpressionException whose relative pointer (RFC 6901) names the offending key
   */
  public static PayloadTemplate compile(JsonNode template) throws InvalidExpressionException {
    return new PayloadTemplate(compileNode(template, ""));
  }

  @Override
  public JsonNode evaluate(EvalContext ctx) {
    return root.render(ctx);
  }

  private static TemplateNode compileNode(JsonNode node, String pointer) throws InvalidExpressionException {
    if (node.isObject()) {
      return compileObject(node, pointer);
    }
    if (node.isArray()) {
      List<TemplateNode> elements = new ArrayList<>(node.size());
      for (int i = 0; i < node.size(); i++) {
        elements.add(compileNode(node.get(i), pointer + "/" + i));
      }
      boolean constant = elements.stream().allMatch(TemplateNode.Constant.class::isInstance);
      return constant ? new TemplateNode.Constant(node) : new TemplateNode.ArrayTemplate(elements);
    }
    return new TemplateNode.Constant(node);
  }

  private static TemplateNode compileObject(JsonNode node, String pointer) throws InvalidExpressionException {
    List<TemplateNode.Member> members = new ArrayList<>(node.size());
    boolean constant = true;
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String key = entry.getKey();
      String memberPointer = pointer + "/" + escapePointer(key);
      TemplateNode value;
      if (key.endsWith(DYNAMIC_SUFFIX)) {
        value = compileDynamic(key, entry.getValue(), memberPointer);
        key = key.substring(0, key.length() - DYNAMIC_SUFFIX.length());
      } else {
        value = compileNode(entry.getValue(), memberPointer);
      }
      constant &= value instanceof TemplateNode.Constant;
      members.add(new TemplateNode.Member(key, value));
    }
    return constant ? new TemplateNode.Constant(node) : new TemplateNode.ObjectTemplate(members);
  }

  private static TemplateNode compileDynamic(String key, JsonNode value, String pointer)
      throws InvalidExpressionException {
    String text = value.isTextual() ? value.textValue() : null;
    try {
      if (text != null && IntrinsicFunctions.isIntrinsicCall(text)) {
        return new TemplateNode.IntrinsicValue(IntrinsicFunctions.compile(text));
      }
      if (text != null && text.startsWith("$")) {
        return new TemplateNode.PathValue(key, JsonPathExpressions.path(text));
      }
    } catch (InvalidExpressionException invalid) {
      throw invalid.under(pointer);
    }
    throw new InvalidExpressionException("INVALID_JSON_PATH", "The value for the field '" + key
        + "' must be a valid JSONPath or a valid intrinsic function call", pointer);
  }

  /** RFC 6901: {@code ~} becomes {@code ~0}, {@code /} becomes {@code ~1}. */
  static String escapePointer(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
