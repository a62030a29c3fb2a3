package dev.stepstream.dist.reliability;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

/**
 * Which {@code serve} instance the processors' consumer group (the application id) has given each
 * partition of one topic, as the broker's group coordinator tells it. Kafka Streams joins each stream
 * thread as {@code <instance id>-<thread>}, so members are mapped back to instance ids by prefix.
 */
final class GroupAssignment implements AutoCloseable {
  private final Admin admin;
  private final String groupId;
  private final String topic;
  private final Collection<String> instanceIds;

  GroupAssignment(String bootstrapServers, String groupId, String topic, Collection<String> instanceIds) {
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    this.groupId = groupId;
    this.topic = topic;
    this.instanceIds = List.copyOf(instanceIds);
  }

  /** Instance id to the topic's partitions it owns; empty while the group is not stable. */
  Map<String, Set<Integer>> owners() throws Exception {
    ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId)
        .get(30, TimeUnit.SECONDS);
    if (group.groupState() != GroupState.STABLE) {
      return Map.of();
    }
    Map<String, Set<Integer>> owners = new TreeMap<>();
    for (MemberDescription member : group.members()) {
      String instance = instanceOf(member);
      for (TopicPartition partition : member.assignment().topicPartitions()) {
        if (partition.topic().equals(topic)) {
          owners.computeIfAbsent(instance, k -> new TreeSet<>()).add(partition.partition());
        }
      }
    }
    return owners;
  }

  /** The partition the default partitioner (the API's producer) puts a key in. */
  static int partitionOf(String key, int partitions) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  private String instanceOf(MemberDescription member) {
    String memberId = member.groupInstanceId().orElse(member.clientId());
    return instanceIds.stream().filter(id -> memberId.startsWith(id + "-")).findFirst()
        .orElseThrow(() -> new AssertionError("group member " + memberId + " is none of " + instanceIds));
  }

  @Override
  public void close() {
    admin.close();
  }
}
