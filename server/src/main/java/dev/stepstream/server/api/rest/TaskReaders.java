package dev.stepstream.server.api.rest;

import java.util.Set;

/** Which consumer groups read a topic now: groups with a live member assigned one of its partitions. */
@FunctionalInterface
public interface TaskReaders {
  /** A source that knows no groups: every answer says "unknown" rather than "nobody". */
  TaskReaders UNKNOWN = topic -> null;

  /** The groups reading {@code topic}, empty when none does, or null when Kafka did not answer. */
  Set<String> groupsReading(String topic);
}
