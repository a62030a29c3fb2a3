package dev.stepstream.asl.choice;

/**
 * A compiled {@code StringMatches} pattern: {@code *} matches any run of characters (also none);
 * {@code \*} is a literal asterisk and {@code \\} a literal backslash (as JSON text: {@code "\\*"} and
 * {@code "\\\\"}). No other character is special; a backslash before any other character is kept
 * literally. Matching is linear-time backtracking over the last wildcard (no regex, no ReDoS).
 */
public final class WildcardPattern {
  private static final int WILDCARD = -1;

  private final String source;
  private final int[] tokens;

  private WildcardPattern(String source, int[] tokens) {
    this.source = source;
    this.tokens = tokens;
  }

  public static WildcardPattern compile(String pattern) {
    int[] buffer = new int[pattern.length()];
    int size = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length() && (pattern.charAt(i + 1) == '*' || pattern.charAt(i + 1) == '\\')) {
        buffer[size++] = pattern.charAt(++i);
      } else if (c == '*') {
        buffer[size++] = WILDCARD;
      } else {
        buffer[size++] = c;
      }
    }
    return new WildcardPattern(pattern, java.util.Arrays.copyOf(buffer, size));
  }

  public String source() {
    return source;
  }

  public boolean matches(String text) {
    int t = 0;
    int p = 0;
    int starAt = -1;
    int resumeText = 0;
    while (t < text.length()) {
      if (p < tokens.length && tokens[p] != WILDCARD && tokens[p] == text.charAt(t)) {
        p++;
        t++;
      } else if (p < tokens.length && tokens[p] == WILDCARD) {
        starAt = p++;
        resumeText = t;
      } else if (starAt >= 0) {
        p = starAt + 1;
        t = ++resumeText;
      } else {
        return false;
      }
    }
    while (p < tokens.length && tokens[p] == WILDCARD) {
      p++;
    }
    return p == tokens.length;
  }

  @Override
  public String toString() {
    return source;
  }
}
