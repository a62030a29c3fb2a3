package dev.stepstream.processor;

import dev.stepstream.engine.EngineOptions;
import dev.stepstream.wire.TaskTokenKeys;
import dev.stepstream.wire.TopicCatalogue;
import java.time.Duration;
import java.util.Objects;

/**
 * What the topology's processor is built from, as one value (a new setting is a new component, not
 * a new parameter of {@link StepstreamTopology#build}).
 *
 * @param topics the topic names
 * @param engine the interpreter's limits
 * @param profile the delivery profile; under at-least-once ({@link Profile#FAST}) each execution
 *     keeps its last input's outputs and writes them again when that input is delivered twice
 * @param timerInterval how often the wall-clock punctuator fires due timers and retries parked starts
 * @param closedExecutionRetention how long a closed execution and its history stay in the stores
 * @param maxStateBytes the largest state one execution may store; a transition past it stops the
 *     execution with States.DataLimitExceeded
 * @param tokenKeys the keys that sign the task tokens the engine creates
 */
public record ProcessorOptions(
    TopicCatalogue topics,
    EngineOptions engine,
    Profile profile,
    Duration timerInterval,
    Duration closedExecutionRetention,
    int maxStateBytes,
    TaskTokenKeys tokenKeys) {

  public ProcessorOptions {
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(timerInterval, "timerInterval");
    Objects.requireNonNull(closedExecutionRetention, "closedExecutionRetention");
    Objects.requireNonNull(tokenKeys, "tokenKeys");
    if (timerInterval.isNegative() || timerInterval.isZero()) {
      throw new IllegalArgumentException("timerInterval must be positive but was " + timerInterval);
    }
    if (closedExecutionRetention.isNegative() || closedExecutionRetention.isZero()) {
      throw new IllegalArgumentException("closedExecutionRetention must be positive but was " + closedExecutionRetention);
    }
    if (maxStateBytes < 1 || maxStateBytes > RecordLimits.MAX_STATE_BYTES) {
      throw new IllegalArgumentException(
          "maxStateBytes must be between 1 and " + RecordLimits.MAX_STATE_BYTES + " but was " + maxStateBytes);
    }
  }

  /**
   * Exactly-once, default engine limits, timers checked every 50 ms, closed executions kept 90
   * days, states up to the largest record the changelogs accept.
   */
  public static ProcessorOptions defaults(TopicCatalogue topics) {
    return new ProcessorOptions(topics, EngineOptions.defaults(), Profile.EXACTLY_ONCE, Duration.ofMillis(50),
        ProcessorConfig.DEFAULT_CLOSED_EXECUTION_RETENTION, RecordLimits.MAX_STATE_BYTES, TaskTokenKeys.generate());
  }

  /** The options of a running processor: topics, profile, timer interval and retention from {@code config}. */
  public static ProcessorOptions of(ProcessorConfig config, EngineOptions engine) {
    return new ProcessorOptions(config.topics(), engine, config.profile(), config.timerInterval(),
        config.closedExecutionRetention(), RecordLimits.MAX_STATE_BYTES,
        config.tokenKeys() != null ? config.tokenKeys() : TaskTokenKeys.generate());
  }

  public ProcessorOptions withProfile(Profile newProfile) {
    return new ProcessorOptions(topics, engine, newProfile, timerInterval, closedExecutionRetention, maxStateBytes, tokenKeys);
  }

  public ProcessorOptions withClosedExecutionRetention(Duration retention) {
    return new ProcessorOptions(topics, engine, profile, timerInterval, retention, maxStateBytes, tokenKeys);
  }

  public ProcessorOptions withTokenKeys(TaskTokenKeys keys) {
    return new ProcessorOptions(topics, engine, profile, timerInterval, closedExecutionRetention, maxStateBytes, keys);
  }

  public ProcessorOptions withMaxStateBytes(int bytes) {
    return new ProcessorOptions(topics, engine, profile, timerInterval, closedExecutionRetention, bytes, tokenKeys);
  }
}
