package dev.stepstream.processor;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.TaskSucceeded;
import dev.stepstream.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Bad records of every kind the processor's input topics can receive, for the poison-record tests.
 * Each kind makes a record for a key; the records are made from a seeded {@link Random}, so a
 * failing run can be repeated.
 */
final class PoisonRecords {
  static final int TWO_MIB = 2 * 1024 * 1024;
  static final String MISSING_MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:Missing";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** One bad record: its key, its value (may be null) and the kind, for failure messages. */
  record Poison(String kind, String key, byte[] value) {}

  /** The kinds, each turned into a record by {@link #make}. */
  enum Kind {
    NOT_JSON, RANDOM_BYTES, EMPTY, TOMBSTONE, JSON_NULL, JSON_ARRAY, JSON_NUMBER, NO_TYPE, UNKNOWN_TYPE,
    MISSING_FIELDS, WRONG_FIELD_TYPE, WRONG_TOPIC_RECORD, VERSION_TOO_NEW, VERSION_ZERO, KEY_MISMATCH, NULL_KEY,
    DEEP_NESTING, UNKNOWN_STATE_MACHINE, TWO_MIB_GARBAGE, TWO_MIB_JSON_STRING
  }

  private final Random random;

  PoisonRecords(long seed) {
    this.random = new Random(seed);
  }

  /** The kinds cheap enough to send thousands of (the 2 MiB ones are sent a few times only). */
  static List<Kind> everyday() {
    return Arrays.stream(Kind.values()).filter(k -> k != Kind.TWO_MIB_GARBAGE && k != Kind.TWO_MIB_JSON_STRING).toList();
  }

  Poison make(Kind kind, int n) {
    String arn = "arn:aws:states:us-east-1:123456789012:execution:Test:poison-" + n;
    return switch (kind) {
      case NOT_JSON -> poison(kind, arn, "{not json " + n);
      case RANDOM_BYTES -> new Poison(kind.name(), arn, randomBytes(1 + random.nextInt(200)));
      case EMPTY -> new Poison(kind.name(), arn, new byte[0]);
      case TOMBSTONE -> new Poison(kind.name(), arn, null);
      case JSON_NULL -> poison(kind, arn, "null");
      case JSON_ARRAY -> poison(kind, arn, "[1,2," + n + "]");
      case JSON_NUMBER -> poison(kind, arn, Long.toString(random.nextLong()));
      case NO_TYPE -> poison(kind, arn, "{\"version\":1,\"executionArn\":\"" + arn + "\"}");
      case UNKNOWN_TYPE -> poison(kind, arn, "{\"type\":\"Nope\",\"version\":1,\"executionArn\":\"" + arn + "\"}");
      case MISSING_FIELDS -> poison(kind, arn, "{\"type\":\"StartExecution\",\"version\":1,\"executionArn\":\"" + arn + "\"}");
      case WRONG_FIELD_TYPE -> poison(kind, arn, "{\"type\":\"TaskSucceeded\",\"version\":\"one\",\"executionArn\":\""
          + arn + "\",\"taskToken\":{\"a\":1},\"output\":{}}");
      case WRONG_TOPIC_RECORD -> poison(kind, arn, "{\"type\":\"DeadLetter\",\"version\":1,\"sourceTopic\":\"t\","
          + "\"partition\":0,\"offset\":1,\"reason\":\"r\",\"timestamp\":1}");
      case VERSION_TOO_NEW -> new Poison(kind.name(), arn, withVersion(arn, 99));
      case VERSION_ZERO -> new Poison(kind.name(), arn, withVersion(arn, 0));
      case KEY_MISMATCH -> new Poison(kind.name(), arn + "-other", start(arn, TopologyHarness.MACHINE));
      case NULL_KEY -> new Poison(kind.name(), null, start(arn, TopologyHarness.MACHINE));
      case DEEP_NESTING -> poison(kind, arn, "[".repeat(5_000) + "]".repeat(5_000));
      case UNKNOWN_STATE_MACHINE -> new Poison(kind.name(), arn, start(arn, MISSING_MACHINE));
      case TWO_MIB_GARBAGE -> new Poison(kind.name(), arn, randomBytes(TWO_MIB));
      case TWO_MIB_JSON_STRING -> poison(kind, arn, "{\"type\":\"StartExecution\",\"version\":1,\"executionArn\":\""
          + arn + "\",\"junk\":\"" + "x".repeat(TWO_MIB) + "\"}");
    };
  }

  static byte[] start(String executionArn, String machineArn) {
    return WireJson.encode(new StartExecution(1, executionArn, machineArn,
        executionArn.substring(executionArn.lastIndexOf(':') + 1), JSON.objectNode().put("n", 1), 0L));
  }

  static byte[] succeeded(String executionArn, String token) {
    return WireJson.encode(new TaskSucceeded(1, executionArn, token, JSON.objectNode().put("shouted", true)));
  }

  private static byte[] withVersion(String arn, int version) {
    String json = new String(start(arn, TopologyHarness.MACHINE), StandardCharsets.UTF_8);
    return json.replace("\"version\":1", "\"version\":" + version).getBytes(StandardCharsets.UTF_8);
  }

  private byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    bytes[0] = (byte) 0xff; // never valid UTF-8 JSON, whatever the rest happens to be
    return bytes;
  }

  private static Poison poison(Kind kind, String key, String value) {
    return new Poison(kind.name(), key, value.getBytes(StandardCharsets.UTF_8));
  }
}
