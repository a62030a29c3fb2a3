package dev.stepstream.server.api.console;

import dev.stepstream.server.api.rest.TaskReaders;
import dev.stepstream.wire.KafkaConnection;
import dev.stepstream.wire.TopicCatalogue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Reads, with the Admin client, how far the consumer groups reading task topics (the workers)
 * are behind, the records on each task topic, and the records on the dead-letter topic. Cached
 * for {@link #MAX_AGE_MILLIS}, so several open dashboards cost one round of Admin calls.
 */
public final class TaskLag implements TaskLagSource, TaskReaders, AutoCloseable {
  static final long MAX_AGE_MILLIS = 2_000;
  private static final long TIMEOUT_SECONDS = 5;

  private final Admin admin;
  private final TopicCatalogue topics;
  private final Clock clock;
  private Snapshot cached;
  private long cachedAt;

  public TaskLag(String bootstrapServers, TopicCatalogue topics) {
    this(KafkaConnection.of(bootstrapServers), topics);
  }

  public TaskLag(KafkaConnection kafka, TopicCatalogue topics) {
    Map<String, Object> config = new HashMap<>(Map.of(
        AdminClientConfig.CLIENT_ID_CONFIG, "stepstream-console-lag",
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000,
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000));
    kafka.applyTo(config);
    this.admin = Admin.create(config);
    this.topics = topics;
    this.clock = Clock.systemUTC();
  }

  @Override
  public synchronized Snapshot read() {
    long now = clock.millis();
    if (cached == null || now - cachedAt > MAX_AGE_MILLIS) {
      cached = readNow();
      cachedAt = now;
    }
    return cached;
  }

  private Snapshot readNow() {
    try {
      String prefix = topics.taskTopic("");
      Set<String> taskTopics = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
          .filter(t -> t.startsWith(prefix)).collect(Collectors.toSet());
      List<String> described = new ArrayList<>(taskTopics);
      described.add(topics.deadLetters());
      Map<TopicPartition, Long> ends = offsets(partitions(described), OffsetSpec.latest());
      Map<TopicPartition, Long> starts = offsets(partitionsOf(ends.keySet(), topics.deadLetters()), OffsetSpec.earliest());
      Map<String, Long> records = new HashMap<>();
      ends.forEach((tp, end) -> {
        if (taskTopics.contains(tp.topic())) {
          records.merge(tp.topic().substring(prefix.length()), end, Long::sum);
        }
      });
      long deadLetters = 0;
      for (TopicPartition tp : starts.keySet()) {
        deadLetters += ends.getOrDefault(tp, 0L) - starts.get(tp);
      }
      return new Snapshot(groupLags(prefix, taskTopics, ends), records, deadLetters, null);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      return new Snapshot(List.of(), Map.of(), null, "Kafka did not answer: " + cause.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Snapshot(List.of(), Map.of(), null, "interrupted");
    }
  }

  @Override
  public Set<String> groupsReading(String topic) {
    try {
      List<String> groups = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).stream().map(GroupListing::groupId).toList();
      if (groups.isEmpty()) {
        return Set.of();
      }
      return admin.describeConsumerGroups(groups).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).values().stream()
          .filter(d -> d.members().stream().anyMatch(m -> m.assignment().topicPartitions().stream()
              .anyMatch(tp -> tp.topic().equals(topic))))
          .map(ConsumerGroupDescription::groupId).collect(Collectors.toCollection(java.util.TreeSet::new));
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private List<GroupLag> groupLags(String prefix, Set<String> taskTopics, Map<TopicPartition, Long> ends)
      throws ExecutionException, InterruptedException, TimeoutException {
    Collection<GroupListing> listed = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()
        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    List<String> groups = listed.stream().map(GroupListing::groupId).sorted().toList();
    if (groups.isEmpty()) {
      return List.of();
    }
    Map<String, ListConsumerGroupOffsetsSpec> specs = groups.stream()
        .collect(Collectors.toMap(g -> g, g -> new ListConsumerGroupOffsetsSpec()));
    Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = admin.listConsumerGroupOffsets(specs).all()
        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    Map<String, ConsumerGroupDescription> descriptions = admin.describeConsumerGroups(groups).all()
        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    List<GroupLag> lags = new ArrayList<>();
    for (String group : groups) {
      Map<String, Long> byTopic = new HashMap<>();
      committed.getOrDefault(group, Map.of()).forEach((tp, offset) -> {
        if (offset != null && taskTopics.contains(tp.topic())) {
          byTopic.merge(tp.topic(), Math.max(0, ends.getOrDefault(tp, 0L) - offset.offset()), Long::sum);
        }
      });
      ConsumerGroupDescription description = descriptions.get(group);
      int members = description == null ? 0 : description.members().size();
      byTopic.forEach((topic, lag) -> lags.add(new GroupLag(group, topic.substring(prefix.length()), lag, members)));
    }
    return lags;
  }

  private List<TopicPartition> partitions(List<String> names)
      throws ExecutionException, InterruptedException, TimeoutException {
    List<TopicPartition> out = new ArrayList<>();
    var descriptions = admin.describeTopics(names).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    descriptions.forEach((name, d) -> {
      for (TopicPartitionInfo p : d.partitions()) {
        out.add(new TopicPartition(name, p.partition()));
      }
    });
    return out;
  }

  private static List<TopicPartition> partitionsOf(Collection<TopicPartition> all, String topic) {
    return all.stream().filter(tp -> tp.topic().equals(topic)).toList();
  }

  private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
      throws ExecutionException, InterruptedException, TimeoutException {
    if (partitions.isEmpty()) {
      return Map.of();
    }
    Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> spec));
    Map<TopicPartition, Long> out = new HashMap<>();
    admin.listOffsets(request).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .forEach((tp, info) -> out.put(tp, info.offset()));
    return out;
  }

  @Override
  public void close() {
    admin.close();
  }
}
