package dev.stepstream.processor.schedules;

import java.util.BitSet;
import java.util.List;

/**
 * One plain cron field (minutes, hours, month, year, or the list form of the day fields): values,
 * ranges ({@code a-b}), increments ({@code a/n}, {@code a-b/n}, {@code * /n}) and {@code *}, joined by
 * commas. Names ({@code JAN}, {@code MON}) are given by the caller as {@code names}, whose first entry
 * has the value {@code min}.
 */
final class CronField {
  private final String label;
  private final int min;
  private final int max;
  private final List<String> names;
  private final boolean allowsIncrement;

  CronField(String label, int min, int max, List<String> names, boolean allowsIncrement) {
    this.label = label;
    this.min = min;
    this.max = max;
    this.names = names;
    this.allowsIncrement = allowsIncrement;
  }

  /** The values the field allows, as bits {@code min..max}. */
  BitSet parse(String text, String expression) {
    BitSet values = new BitSet(max + 1);
    for (String part : text.split(",", -1)) {
      addPart(part, values, expression);
    }
    return values;
  }

  private void addPart(String part, BitSet values, String expression) {
    String range = part;
    int step = 1;
    int slash = part.indexOf('/');
    if (slash >= 0) {
      if (!allowsIncrement) {
        throw error(expression, "'/' is not allowed in " + label);
      }
      range = part.substring(0, slash);
      step = number(part.substring(slash + 1), expression);
      if (step < 1) {
        throw error(expression, "the increment in " + label + " must be at least 1, not " + step);
      }
    }
    int from;
    int to;
    if (range.equals("*")) {
      from = min;
      to = max;
    } else if (range.contains("-")) {
      String[] ends = range.split("-", -1);
      if (ends.length != 2) {
        throw error(expression, "'" + part + "' is not a valid range in " + label);
      }
      from = value(ends[0], expression);
      to = value(ends[1], expression);
      if (from > to) {
        throw error(expression, "the range '" + range + "' in " + label + " runs backwards");
      }
    } else {
      from = value(range, expression);
      to = slash >= 0 ? max : from;
    }
    for (int v = from; v <= to; v += step) {
      values.set(v);
    }
  }

  private int value(String text, String expression) {
    int byName = names.indexOf(text.toUpperCase());
    int v = byName >= 0 ? min + byName : number(text, expression);
    if (v < min || v > max) {
      throw error(expression, label + " value " + v + " is outside " + min + "-" + max);
    }
    return v;
  }

  private int number(String text, String expression) {
    if (text.isEmpty() || !text.chars().allMatch(Character::isDigit) || text.length() > 4) {
      throw error(expression, "'" + text + "' is not a valid " + label + " value");
    }
    return Integer.parseInt(text);
  }

  static InvalidScheduleException error(String expression, String problem) {
    return new InvalidScheduleException("ScheduleExpression", expression + " " + problem);
  }
}
