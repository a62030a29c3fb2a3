package dev.stepstream.processor;

import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Sizes of what the processor writes. Kafka's defaults cap a record at 1 MiB; an execution's stored
 * state (a Map with thousands of iterations in flight, plus, under the fast profile, the state before
 * its last step or that step's outputs) can grow past that, and a changelog write that fails stops
 * the stream thread. The processor's producer and its state changelogs therefore accept records up
 * to {@link #MAX_RECORD_BYTES}.
 */
final class RecordLimits {
  /** The largest record the processor's producer sends and its changelog topics accept. */
  static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;
  /**
   * The largest execution state the processor stores (a margin under {@link #MAX_RECORD_BYTES} for the
   * key and the record's framing). A transition that would store more stops the execution instead.
   */
  static final int MAX_STATE_BYTES = MAX_RECORD_BYTES - 64 * 1024;
  /**
   * The most history the fast profile records for replay in one execution's state, when it records a
   * decision's outputs (see {@link DuplicateReplay}); a decision that wrote more keeps its task
   * requests, timers, commands and summary, and its history is not replayed.
   */
  static final int MAX_RECORDED_HISTORY_BYTES = 1024 * 1024;

  private RecordLimits() {}

  /** Topic settings for the state stores' changelogs. */
  static Map<String, String> changelogConfig() {
    return Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(MAX_RECORD_BYTES));
  }
}
