package dev.stepstream.processor.integrations;

import java.util.List;
import java.util.Objects;

/**
 * A record an integration writes to a target topic.
 *
 * @param key the record key as UTF-8 text, or null for none
 * @param value the record value, or null for a tombstone
 * @param headers header names and UTF-8 values, in order
 */
public record Outgoing(String topic, String key, byte[] value, List<Header> headers) {

  public Outgoing {
    Objects.requireNonNull(topic, "topic");
    headers = List.copyOf(headers);
  }

  public record Header(String name, String value) {
    public Header {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }
}
