package dev.stepstream.processor;

import dev.stepstream.processor.topics.TopicProvisioner;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Creates task topics on first use through the admin client; remembers which exist. */
final class AdminTaskTopics implements TaskTopics, AutoCloseable {
  private final TopicProvisioner provisioner;
  private final Set<String> known = ConcurrentHashMap.newKeySet();

  AdminTaskTopics(TopicProvisioner provisioner) {
    this.provisioner = provisioner;
  }

  @Override
  public void ensure(String taskName) {
    if (known.contains(taskName)) {
      return;
    }
    provisioner.ensureTaskTopics(List.of(taskName));
    known.add(taskName);
  }

  @Override
  public void close() {
    provisioner.close();
  }
}
