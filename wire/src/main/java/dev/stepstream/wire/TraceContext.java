package dev.stepstream.wire;

import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A W3C trace context (the {@code traceparent} Kafka header Stepstream carries from StartExecution to
 * every task request, to the worker and back), and its mapping to the AWS X-Ray trace header that
 * StartExecution's {@code traceHeader} and DescribeExecution use: {@code Root=1-<8 hex>-<24 hex>}
 * holds the 32 hex digits of the trace id (the first 8 are X-Ray's epoch seconds), {@code Parent}
 * is the span id and {@code Sampled=1|0} the sampled flag.
 *
 * @param traceId 32 lower-case hex digits, not all zero
 * @param spanId 16 lower-case hex digits, not all zero
 */
public record TraceContext(String traceId, String spanId, boolean sampled) {
  public static final String HEADER = "traceparent";
  private static final Pattern TRACEPARENT =
      Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
  private static final Pattern XRAY_ROOT = Pattern.compile("1-([0-9a-fA-F]{8})-([0-9a-fA-F]{24})");
  private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();
  private static final Pattern HEX16 = Pattern.compile("[0-9a-fA-F]{16}");

  public TraceContext {
    if (!isNonZeroLowerHex(traceId, 32)) {
      throw new IllegalArgumentException("TraceContext.traceId must be 32 lower-case hex digits, not all zero: " + traceId);
    }
    if (!isNonZeroLowerHex(spanId, 16)) {
      throw new IllegalArgumentException("TraceContext.spanId must be 16 lower-case hex digits, not all zero: " + spanId);
    }
  }

  /** A W3C {@code traceparent} value; empty when it is not one. */
  public static Optional<TraceContext> fromTraceparent(String value) {
    Matcher m = value == null ? null : TRACEPARENT.matcher(value.trim());
    if (m == null || !m.matches()) {
      return Optional.empty();
    }
    return safely(m.group(1), m.group(2), (Integer.parseInt(m.group(3), 16) & 1) == 1);
  }

  /**
   * An X-Ray trace header ({@code Root=...;Parent=...;Sampled=...}, fields in any order, others
   * ignored) or a W3C {@code traceparent}; empty when it is neither. An X-Ray header without Parent
   * gets {@code fallbackSpanId}; without Sampled it counts as sampled.
   */
  public static Optional<TraceContext> fromHeader(String header, String fallbackSpanId) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    Optional<TraceContext> w3c = fromTraceparent(header);
    if (w3c.isPresent()) {
      return w3c;
    }
    String root = null;
    String parent = null;
    boolean sampled = true;
    for (String field : header.split(";")) {
      String[] kv = field.trim().split("=", 2);
      if (kv.length == 2 && kv[0].trim().equals("Root")) {
        root = kv[1].trim();
      } else if (kv.length == 2 && kv[0].trim().equals("Parent")) {
        parent = kv[1].trim();
      } else if (kv.length == 2 && kv[0].trim().equals("Sampled")) {
        sampled = !kv[1].trim().equals("0");
      }
    }
    Matcher m = root == null ? null : XRAY_ROOT.matcher(root);
    if (m == null || !m.matches()) {
      return Optional.empty();
    }
    String span = parent != null && HEX16.matcher(parent).matches() ? parent : fallbackSpanId;
    return safely((m.group(1) + m.group(2)).toLowerCase(Locale.ROOT), span.toLowerCase(Locale.ROOT), sampled);
  }

  /** A new sampled trace with random ids. */
  public static TraceContext generate(RandomGenerator random) {
    return new TraceContext(hex(random, 32), hex(random, 16), true);
  }

  /** A random, non-zero span id. */
  public static String newSpanId(RandomGenerator random) {
    return hex(random, 16);
  }

  /** The same trace with another span as parent. */
  public TraceContext withSpanId(String newSpanId) {
    return new TraceContext(traceId, newSpanId, sampled);
  }

  public String traceparent() {
    return "00-" + traceId + "-" + spanId + "-" + (sampled ? "01" : "00");
  }

  /** The X-Ray form, as DescribeExecution returns it in {@code traceHeader}. */
  public String xrayHeader() {
    return "Root=1-" + traceId.substring(0, 8) + "-" + traceId.substring(8) + ";Parent=" + spanId
        + ";Sampled=" + (sampled ? "1" : "0");
  }

  private static Optional<TraceContext> safely(String traceId, String spanId, boolean sampled) {
    try {
      return Optional.of(new TraceContext(traceId, spanId, sampled));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Checked by hand: a regex here ran for every task request and cost more than the rest of the tracing. */
  private static boolean isNonZeroLowerHex(String value, int digits) {
    if (value == null || value.length() != digits) {
      return false;
    }
    boolean nonZero = false;
    for (int i = 0; i < digits; i++) {
      char c = value.charAt(i);
      if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
        return false;
      }
      nonZero |= c != '0';
    }
    return nonZero;
  }

  private static String hex(RandomGenerator random, int digits) {
    char[] out = new char[digits];
    long word = 0;
    boolean allZero = true;
    for (int i = 0; i < digits; i++) {
      if (i % 16 == 0) {
        word = random.nextLong();
      }
      int nibble = (int) (word >>> (60 - 4 * (i % 16))) & 0xF;
      out[i] = HEX_DIGITS[nibble];
      allZero &= nibble == 0;
    }
    if (allZero) {
      out[0] = '1';
    }
    return new String(out);
  }
}
