package dev.stepstream.asl.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.asl.eval.InvalidExpressionException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the inside of {@code [?( ... )]}: comparisons ({@code == != < <= > >=}) of {@code @}/{@code $}
 * paths and literals, existence tests, {@code !}, {@code &&}, {@code ||} and parentheses.
 */
final class FilterParser {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final PathCursor cursor;

  FilterParser(PathCursor cursor) {
    this.cursor = cursor;
  }

  FilterPredicate parse() throws InvalidExpressionException {
    return or();
  }

  private FilterPredicate or() throws InvalidExpressionException {
    FilterPredicate left = and();
    while (consumeOperator("||")) {
      left = new FilterPredicate.Or(left, and());
    }
    return left;
  }

  private FilterPredicate and() throws InvalidExpressionException {
    FilterPredicate left = unary();
    while (consumeOperator("&&")) {
      left = new FilterPredicate.And(left, unary());
    }
    return left;
  }

  private FilterPredicate unary() throws InvalidExpressionException {
    cursor.skipSpaces();
    if (cursor.peek() == '!' && cursor.peekAt(1) != '=') {
      cursor.next();
      return new FilterPredicate.Not(unary());
    }
    if (cursor.consume('(')) {
      FilterPredicate inner = or();
      cursor.skipSpaces();
      cursor.expect(')');
      return inner;
    }
    return comparison();
  }

  private FilterPredicate comparison() throws InvalidExpressionException {
    FilterPredicate.Operand left = operand();
    cursor.skipSpaces();
    Comparator operator = comparator();
    if (operator == null) {
      if (left instanceof FilterPredicate.Literal) {
        throw cursor.error("expected a comparison operator but found " + cursor.describeNext());
      }
      return new FilterPredicate.Exists(left);
    }
    return new FilterPredicate.Comparison(left, operator, operand());
  }

  private Comparator comparator() {
    for (String symbol : new String[] {"==", "!=", "<=", ">=", "<", ">"}) {
      if (cursor.consume(symbol)) {
        for (Comparator candidate : Comparator.values()) {
          if (candidate.symbol().equals(symbol)) {
            return candidate;
          }
        }
      }
    }
    return null;
  }

  private boolean consumeOperator(String symbol) {
    cursor.skipSpaces();
    return cursor.consume(symbol);
  }

  private FilterPredicate.Operand operand() throws InvalidExpressionException {
    cursor.skipSpaces();
    char c = cursor.peek();
    if (cursor.consume('@')) {
      return new FilterPredicate.PathOperand(true, new PathRoot.Input(), steps());
    }
    if (cursor.consume('$')) {
      return new FilterPredicate.PathOperand(false, new PathRoot.Input(), steps());
    }
    if (c == '\'' || c == '"') {
      return new FilterPredicate.Literal(NODES.textNode(cursor.readQuoted()));
    }
    if (c == '-' || Character.isDigit(c)) {
      return new FilterPredicate.Literal(number());
    }
    for (String word : new String[] {"true", "false", "null"}) {
      if (cursor.consume(word)) {
        JsonNode value = "null".equals(word) ? NODES.nullNode() : NODES.booleanNode("true".equals(word));
        return new FilterPredicate.Literal(value);
      }
    }
    throw cursor.error("expected '@', '$' or a literal in filter but found " + cursor.describeNext());
  }

  private List<PathSegment.Definite> steps() throws InvalidExpressionException {
    List<PathSegment.Definite> steps = new ArrayList<>();
    while (true) {
      if (cursor.peek() == '.' && PathParser.isNameChar(cursor.peekAt(1))) {
        cursor.next();
        int start = cursor.position();
        while (PathParser.isNameChar(cursor.peek())) {
          cursor.next();
        }
        steps.add(new PathSegment.Field(cursor.slice(start)));
      } else if (cursor.peek() == '[') {
        cursor.next();
        cursor.skipSpaces();
        char c = cursor.peek();
        steps.add(c == '\'' || c == '"'
            ? new PathSegment.Field(cursor.readQuoted())
            : new PathSegment.Index(cursor.readInteger()));
        cursor.skipSpaces();
        cursor.expect(']');
      } else {
        return steps;
      }
    }
  }

  private JsonNode number() throws InvalidExpressionException {
    int start = cursor.position();
    cursor.consume('-');
    while (Character.isDigit(cursor.peek()) || ".eE+-".indexOf(cursor.peek()) >= 0 && cursor.peek() != '\0') {
      cursor.next();
    }
    String digits = cursor.slice(start);
    try {
      return NODES.numberNode(new BigDecimal(digits));
    } catch (NumberFormatException bad) {
      throw cursor.error("invalid number '" + digits + "'");
    }
  }
}
