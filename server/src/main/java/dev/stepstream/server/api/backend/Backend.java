package dev.stepstream.server.api.backend;

import dev.stepstream.processor.topics.TopicProvisioner;
import java.time.Clock;

/** Everything the operations use, created and closed by the API server. */
public record Backend(
    Arns arns,
    Definitions definitions,
    Executions executions,
    Publisher publisher,
    ActivityTasks activityTasks,
    TopicProvisioner provisioner,
    Clock clock) {

  public long now() {
    return clock.millis();
  }
}
