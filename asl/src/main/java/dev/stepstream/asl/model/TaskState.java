package dev.stepstream.asl.model;

import dev.stepstream.asl.eval.Expression;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code "Type": "Task"}.
 *
 * @param timeoutSeconds TimeoutSeconds / TimeoutSecondsPath / JSONata value; absent = fixed 99999999
 * @param heartbeatSeconds HeartbeatSeconds / HeartbeatSecondsPath / JSONata value, if any
 * @param credentials the {@code Credentials} object compiled as a template, if any
 */
public record TaskState(
    String name,
    Optional<String> comment,
    QueryLanguage queryLanguage,
    DataFlow flow,
    Resource resource,
    DynamicValue timeoutSeconds,
    Optional<DynamicValue> heartbeatSeconds,
    Optional<Expression> credentials,
    List<Retrier> retry,
    List<Catcher> catchers,
    Transition next)
    implements State {

  /** AWS default Task timeout when neither TimeoutSeconds nor TimeoutSecondsPath is given. */
  public static final long DEFAULT_TIMEOUT_SECONDS = 99_999_999L;

  public TaskState {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(queryLanguage, "queryLanguage");
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(timeoutSeconds, "timeoutSeconds");
    Objects.requireNonNull(heartbeatSeconds, "heartbeatSeconds");
    Objects.requireNonNull(credentials, "credentials");
    retry = List.copyOf(retry);
    catchers = List.copyOf(catchers);
    Objects.requireNonNull(next, "next");
  }

  @Override
  public Optional<Transition> transition() {
    return Optional.of(next);
  }
}
