package dev.stepstream.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * A state machine's {@code loggingConfiguration}, as CreateStateMachine and UpdateStateMachine take
 * it and DescribeStateMachine returns it. Stepstream writes the log events to the {@code logs} topic;
 * {@code destinations} (CloudWatch Logs log groups on AWS) are kept as given and returned unchanged.
 *
 * @param level {@code ALL}, {@code ERROR}, {@code FATAL} or {@code OFF}
 * @param includeExecutionData whether log events keep their input and output
 * @param destinations the AWS {@code destinations} array (null when none was given)
 */
public record LoggingConfiguration(String level, boolean includeExecutionData, JsonNode destinations) {
  public static final Set<String> LEVELS = Set.of("ALL", "ERROR", "FATAL", "OFF");
  /** AWS's default: nothing is logged. */
  public static final LoggingConfiguration OFF = new LoggingConfiguration("OFF", false, null);

  public LoggingConfiguration {
    Require.text(level, "LoggingConfiguration", "level");
    if (!LEVELS.contains(level)) {
      throw new IllegalArgumentException("LoggingConfiguration.level must be one of ALL, ERROR, FATAL, OFF but was " + level);
    }
  }

  /** Whether an event of {@code eventType} is logged at this level. */
  public boolean logs(String eventType) {
    return ExecutionLogs.logged(level, eventType);
  }
}
