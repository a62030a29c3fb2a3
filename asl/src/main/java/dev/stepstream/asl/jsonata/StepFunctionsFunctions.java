package dev.stepstream.asl.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The functions Step Functions adds to JSONata that need no execution state: {@code $partition},
 * {@code $range}, {@code $hash}, {@code $parse} and the seeded form of {@code $random}.
 *
 * <p>Rules, as AWS documents them and as emulators that compare against AWS report them (the
 * latter marked "reported"): numeric arguments are truncated towards zero (reported); a missing
 * optional argument, a chunk size or step of zero, an empty array and a step whose sign disagrees
 * with the direction yield undefined rather than an error (reported). Failures use JSONata's
 * {@code D3137} code, the one {@code $error} uses; their texts are ours where AWS's is unknown.
 */
final class StepFunctionsFunctions {
  static final Set<String> HASH_ALGORITHMS = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");
  /** The largest $range AWS builds (reported: 360,145 elements pass, one more fails). */
  static final long MAX_RANGE_SIZE = 360_145;

  private static final String ERROR_CODE = "D3137";
  private static final ObjectMapper STRICT_JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private StepFunctionsFunctions() {}

  /** Registers the stateless functions on a freshly compiled expression (before it is shared). */
  static void registerOn(Jsonata expression) {
    expression.registerFunction("partition",
        function("partition", args -> partition(args.get(0), args.get(1)), "<an?:a>"));
    expression.registerFunction("range",
        function("range", args -> range(args.get(0), args.get(1), args.get(2)), "<nnn?:a>"));
    expression.registerFunction("hash",
        function("hash", args -> hash(args.get(0), args.get(1)), "<ss?:s>"));
    expression.registerFunction("parse",
        function("parse", args -> parse(args.get(0)), "<s:j>"));
  }

  /** A library function taking its arguments as a list (missing optional ones are null). */
  static Jsonata.JFunction function(String name, Jsonata.FnVarArgs<Object> body, String signature) {
    return Jsonata.function(name, body, signature);
  }

  static Object partition(Object array, Object chunkSize) {
    if (array == null) {
      return null;
    }
    if (!(array instanceof List<?> items)) {
      throw error("The first argument of $partition must be an array");
    }
    long size = chunkSize == null ? Math.max(items.size(), 1) : truncate(chunkSize);
    if (size < 0) {
      throw error("Second argument must be zero or greater");
    }
    if (size == 0 || items.isEmpty()) {
      return null;
    }
    int step = (int) Math.min(size, items.size());
    List<Object> chunks = new ArrayList<>((items.size() + step - 1) / step);
    for (int from = 0; from < items.size(); from += step) {
      chunks.add(new ArrayList<>(items.subList(from, Math.min(items.size(), from + step))));
    }
    return chunks;
  }

  static Object range(Object startArgument, Object endArgument, Object stepArgument) {
    if (startArgument == null || endArgument == null || stepArgument == null) {
      return null;
    }
    long start = truncate(startArgument);
    long end = truncate(endArgument);
    long step = truncate(stepArgument);
    if (step == 0 || (end - (double) start) * step < 0) {
      return null;
    }
    long count = BigInteger.valueOf(end).subtract(BigInteger.valueOf(start))
        .divide(BigInteger.valueOf(step)).add(BigInteger.ONE).min(BigInteger.valueOf(Long.MAX_VALUE))
        .longValue();
    if (count > MAX_RANGE_SIZE) {
      throw error("Expression evaluation memory limit exceeded: Check for excessive memory usage");
    }
    if (count == 1) {
      return start; // a one-element sequence is a single value in JSONata
    }
    List<Object> values = new ArrayList<>((int) count);
    for (long i = 0; i < count; i++) {
      values.add(start + i * step); // wraps only in between: every value itself fits a long
    }
    return values;
  }

  static Object hash(Object value, Object algorithm) {
    if (value == null || algorithm == null) {
      return null;
    }
    if (!(value instanceof String text) || !(algorithm instanceof String name)) {
      throw error("The arguments of $hash must be strings");
    }
    if (!HASH_ALGORITHMS.contains(name)) {
      throw error("Unsupported hash algorithm '" + name + "'; use one of MD5, SHA-1, SHA-256, SHA-384, SHA-512");
    }
    try {
      byte[] digest = MessageDigest.getInstance(name).digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JVM lacks the required digest " + name, e);
    }
  }

  /** $random(seed): the same seed always gives the same number in [0, 1) (java.util.Random). */
  static Object seededRandom(Object seed) {
    return new Random(truncate(seed)).nextDouble();
  }

  static Object parse(Object json) {
    if (json == null) {
      return null;
    }
    if (!(json instanceof String text)) {
      throw error("The argument of $parse must be a string");
    }
    try {
      JsonNode parsed = STRICT_JSON.readTree(text);
      if (parsed.isMissingNode()) {
        throw error("Invalid JSON");
      }
      return JsonConversion.toJava(parsed);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw error("Invalid JSON");
    }
  }

  private static long truncate(Object number) {
    if (!(number instanceof Number value)) {
      throw error("Expected a number but got " + number);
    }
    // A cast truncates towards zero: $range(-1.7, 2, 1) starts at -1 (reported AWS behaviour).
    return (value instanceof Long || value instanceof Integer) ? value.longValue() : (long) value.doubleValue();
  }

  static JException error(String message) {
    return new JException(ERROR_CODE, -1, message);
  }
}
