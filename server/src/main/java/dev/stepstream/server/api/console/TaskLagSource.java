package dev.stepstream.server.api.console;

import java.util.List;
import java.util.Map;

/** Where the metrics summary gets consumer lag and topic sizes from (Kafka's Admin client, or a test). */
public interface TaskLagSource {
  /**
   * @param groups per consumer group and task it reads: records not consumed yet, and the group's members
   * @param records per task: records ever written to its topic (end offsets)
   * @param deadLetters records on the dead-letter topic, or null when unknown
   * @param error why Kafka could not be asked, or null
   */
  record Snapshot(List<GroupLag> groups, Map<String, Long> records, Long deadLetters, String error) {}

  /** One consumer group's lag on one task topic. */
  record GroupLag(String group, String task, long lag, int members) {}

  Snapshot read();
}
