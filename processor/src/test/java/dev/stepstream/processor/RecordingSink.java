package dev.stepstream.processor;

import java.util.ArrayList;
import java.util.List;

/** A {@link RecordSink} that keeps what was sent, in order, for tests without Kafka. */
class RecordingSink implements RecordSink {
  /** One record sent; {@code topic} is the sink topic's name, or {@code tasks.<name>} for a task request. */
  record Sent(String topic, String key, byte[] value, long timestamp) {}

  final List<Sent> sent = new ArrayList<>();

  @Override
  public void send(Topic topic, String key, byte[] value, long timestamp) {
    sent.add(new Sent(topic.name(), key, value, timestamp));
  }

  @Override
  public void sendTask(String taskName, String key, byte[] request, long timestamp) {
    sent.add(new Sent("tasks." + taskName, key, request, timestamp));
  }

  List<Sent> to(String topic) {
    return sent.stream().filter(s -> s.topic().equals(topic)).toList();
  }

  List<String> topics() {
    return sent.stream().map(Sent::topic).toList();
  }
}
