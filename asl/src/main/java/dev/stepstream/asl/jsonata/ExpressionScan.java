package dev.stepstream.asl.jsonata;

import java.util.HashSet;
import java.util.Set;

/**
 * What a JSONata expression text refers to: the {@code $names} it mentions (variables and
 * functions, so only those are bound per evaluation) and whether it calls {@code $eval} outside a
 * string literal. Names are collected inside string literals too; binding an unused name is
 * harmless, missing a used one is not.
 */
record ExpressionScan(Set<String> names, boolean usesEval) {

  static ExpressionScan of(String text) {
    Set<String> names = new HashSet<>();
    boolean usesEval = false;
    char quote = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i += 2;
          continue;
        }
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? text.length() : end + 2;
        continue;
      }
      if (c == '$') {
        int end = nameEnd(text, i + 1);
        String name = text.substring(i + 1, end);
        if (!name.isEmpty()) {
          names.add(name);
          usesEval |= quote == 0 && name.equals("eval");
        }
        i = Math.max(end, i + 1);
        continue;
      }
      i++;
    }
    return new ExpressionScan(Set.copyOf(names), usesEval);
  }

  private static int nameEnd(String text, int start) {
    int end = start;
    while (end < text.length() && isNameChar(text.charAt(end))) {
      end++;
    }
    return end;
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
