package dev.stepstream.server.triggers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A trigger's execution name: a template with {@code {topic}}, {@code {partition}}, {@code {offset}}
 * and {@code {trigger}}, by default {@code {topic}-{partition}-{offset}}, so one source record always
 * gets the same name (which makes a second start of it a no-op). Characters AWS refuses in names
 * become '-'; a name over 80 characters keeps its first 63 and a hash of the whole.
 */
record NameTemplate(String template) {
  static final String DEFAULT = "{topic}-{partition}-{offset}";
  private static final int MAX_NAME = 80;
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");
  private static final Pattern HASHED = Pattern.compile(".{63}-[0-9a-f]{16}");
  private static final Pattern REFUSED = Pattern.compile("[\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\x00-\\x1f\\x7f-\\x9f]");

  static NameTemplate parse(String template) {
    String text = template == null ? DEFAULT : template;
    Matcher m = PLACEHOLDER.matcher(text);
    boolean hasOffset = false;
    while (m.find()) {
      switch (m.group(1)) {
        case "topic", "partition", "trigger" -> { }
        case "offset" -> hasOffset = true;
        default -> throw new IllegalArgumentException("Invalid name template: unknown placeholder {" + m.group(1)
            + "}; use {topic}, {partition}, {offset} or {trigger}");
      }
    }
    if (!hasOffset || !text.contains("{partition}")) {
      throw new IllegalArgumentException(
          "Invalid name template: it must contain {partition} and {offset}, so that each record gets its own name");
    }
    return new NameTemplate(text);
  }

  String name(String trigger, String topic, int partition, long offset) {
    String name = template.replace("{topic}", topic).replace("{partition}", Integer.toString(partition))
        .replace("{offset}", Long.toString(offset)).replace("{trigger}", trigger);
    name = REFUSED.matcher(name).replaceAll("-");
    return name.length() <= MAX_NAME ? name : name.substring(0, 63) + "-" + hash(name);
  }

  /**
   * Whether an execution name may have come from this template for {@code trigger} reading
   * {@code topic} (at any partition and offset). A shortened name matches when its first 63
   * characters can begin such a name.
   */
  Predicate<String> producedBy(String trigger, String topic) {
    StringBuilder regex = new StringBuilder();
    Matcher m = PLACEHOLDER.matcher(template);
    int last = 0;
    while (m.find()) {
      regex.append(quoted(template.substring(last, m.start())));
      regex.append(switch (m.group(1)) {
        case "topic" -> quoted(topic);
        case "trigger" -> quoted(trigger);
        default -> "[0-9]+";
      });
      last = m.end();
    }
    regex.append(quoted(template.substring(last)));
    Pattern whole = Pattern.compile(regex.toString());
    return name -> {
      if (whole.matcher(name).matches()) {
        return true;
      }
      if (name.length() != MAX_NAME || !HASHED.matcher(name).matches()) {
        return false;
      }
      Matcher prefix = whole.matcher(name.substring(0, 63));
      return prefix.matches() || prefix.hitEnd();
    };
  }

  private static String quoted(String literal) {
    return literal.isEmpty() ? "" : Pattern.quote(REFUSED.matcher(literal).replaceAll("-"));
  }

  private static String hash(String name) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
