package dev.stepstream.processor;

/**
 * Makes sure a {@code tasks.<name>} topic exists before a task request is written to it (brokers
 * normally run with topic auto-creation off, and a send to a missing topic would block the thread).
 */
@FunctionalInterface
public interface TaskTopics {
  void ensure(String taskName);

  /** For topologies whose task topics are created by someone else (tests, pre-provisioned clusters). */
  static TaskTopics preProvisioned() {
    return name -> {};
  }
}
