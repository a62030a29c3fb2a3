package dev.stepstream.server.triggers;

/**
 * EventBridge's {@code wildcard} operand: {@code *} matches any run of characters (also none),
 * {@code \*} a literal star and {@code \\} a backslash. Two consecutive stars are refused, as by AWS.
 */
record Glob(String[] literals) {
  static Glob compile(String text, String path) {
    StringBuilder current = new StringBuilder();
    java.util.List<String> parts = new java.util.ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '*' || text.charAt(i + 1) == '\\')) {
        current.append(text.charAt(++i));
      } else if (c == '*') {
        if (i + 1 < text.length() && text.charAt(i + 1) == '*') {
          throw new InvalidPatternException("'wildcard' of '" + path + "' must not hold consecutive '*'");
        }
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    return new Glob(parts.toArray(String[]::new));
  }

  /** The literals between the stars: the first anchors the start, the last the end. */
  boolean matches(String value) {
    if (literals.length == 1) {
      return value.equals(literals[0]);
    }
    String first = literals[0];
    String last = literals[literals.length - 1];
    if (!value.startsWith(first) || value.length() < first.length() + last.length() || !value.endsWith(last)) {
      return false;
    }
    int from = first.length();
    int end = value.length() - last.length();
    for (int i = 1; i < literals.length - 1; i++) {
      int at = value.indexOf(literals[i], from);
      if (at < 0 || at + literals[i].length() > end) {
        return false;
      }
      from = at + literals[i].length();
    }
    return true;
  }
}
