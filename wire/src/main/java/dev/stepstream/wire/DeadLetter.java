package dev.stepstream.wire;

/**
 * A record that could not be decoded or applied, kept with the reason and where it came from.
 *
 * @param key the original key as text (UTF-8), or null
 * @param valueBase64 the original value bytes, Base64-encoded, or null
 * @param timestamp epoch milliseconds when it was dead-lettered
 */
public record DeadLetter(
    int version,
    String sourceTopic,
    int partition,
    long offset,
    String key,
    String valueBase64,
    String reason,
    long timestamp) implements WireRecord {

  public DeadLetter {
    Require.version(version, "DeadLetter");
    Require.text(sourceTopic, "DeadLetter", "sourceTopic");
    Require.text(reason, "DeadLetter", "reason");
  }
}
