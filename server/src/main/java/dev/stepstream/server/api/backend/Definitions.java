package dev.stepstream.server.api.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.wire.KafkaConnection;
import dev.stepstream.wire.StateMachineRecord;
import dev.stepstream.wire.StateMachineAlias;
import dev.stepstream.wire.WireFormatException;
import dev.stepstream.wire.WireJson;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * State machines (and their published versions, keyed by version ARN), aliases, activities and their
 * tags on the compacted definitions topic. Writes use acks=all
 * and return only once this API's view has read them back, so a Create is at once visible to Describe.
 * Tags are kept under the key {@code <resource ARN>#tags} ('#' never occurs in an ARN), which the
 * processor stores but never looks up. Every revision of a state machine is also kept, as a
 * {@code STATE_MACHINE_REVISION} copy under {@link StateMachineRecord#revisionKey}, so that an execution
 * finishes on the definition it started with after an UpdateStateMachine (the processor and
 * DescribeStateMachineForExecution read it).
 */
public final class Definitions implements AutoCloseable {
  private static final String TAGS_SUFFIX = "#tags";
  private static final Duration WRITE_VISIBLE_TIMEOUT = Duration.ofSeconds(30);

  /** One entry of the view: a state machine/activity record or a tag set. */
  sealed interface Entry permits MachineEntry, AliasEntry, TagsEntry {}

  record MachineEntry(StateMachineRecord record) implements Entry {}

  record AliasEntry(StateMachineAlias record) implements Entry {}

  record TagsEntry(Map<String, String> tags) implements Entry {}

  private final String topic;
  private final KafkaProducer<String, byte[]> producer;
  private final TailingView<Entry> view;

  public Definitions(String bootstrapServers, String topic, KafkaProducer<String, byte[]> producer) {
    this(KafkaConnection.of(bootstrapServers), topic, producer);
  }

  public Definitions(KafkaConnection kafka, String topic, KafkaProducer<String, byte[]> producer) {
    this.topic = topic;
    this.producer = producer;
    this.view = TailingView.start(kafka, topic, Definitions::decode, Duration.ofSeconds(60));
  }

  private static Optional<Entry> decode(byte[] bytes) {
    try {
      JsonNode node = WireJson.mapper().readTree(bytes);
      if ("ResourceTags".equals(node.path("type").asText())) {
        Map<String, String> tags = new LinkedHashMap<>();
        node.path("tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
        return Optional.of(new TagsEntry(tags));
      }
      if ("StateMachineAlias".equals(node.path("type").asText())) {
        return Optional.of(new AliasEntry(WireJson.decode(bytes, StateMachineAlias.class)));
      }
      return Optional.of(new MachineEntry(WireJson.decode(bytes, StateMachineRecord.class)));
    } catch (java.io.IOException | WireFormatException e) {
      return Optional.empty();
    }
  }

  public Optional<StateMachineRecord> find(String arn, String kind) {
    return view.get(arn).flatMap(e -> e instanceof MachineEntry m ? Optional.of(m.record()) : Optional.empty())
        .filter(r -> r.kind().equals(kind));
  }

  /** Every record of one kind, sorted by name. */
  public List<StateMachineRecord> all(String kind) {
    return view.values().stream()
        .flatMap(e -> e instanceof MachineEntry m ? java.util.stream.Stream.of(m.record()) : java.util.stream.Stream.empty())
        .filter(r -> r.kind().equals(kind))
        .sorted(Comparator.comparing(StateMachineRecord::name))
        .toList();
  }

  public void put(StateMachineRecord record) {
    if (StateMachineRecord.KIND_STATE_MACHINE.equals(record.kind()) && record.revisionId() != null
        && Arns.parse(record.arn()).filter(Arns.Parsed::isVersion).isEmpty()) {
      write(StateMachineRecord.revisionKey(record.arn(), record.revisionId()), WireJson.encode(record.asRevision()));
    }
    write(record.arn(), WireJson.encode(record));
  }

  /** The state machine as it was at {@code revisionId}: the current record when it is that revision, else the kept copy. */
  public Optional<StateMachineRecord> revision(String stateMachineArn, String revisionId) {
    Optional<StateMachineRecord> current = find(stateMachineArn, StateMachineRecord.KIND_STATE_MACHINE);
    if (revisionId == null || current.filter(m -> revisionId.equals(m.revisionId())).isPresent()) {
      return current;
    }
    Optional<StateMachineRecord> kept = find(StateMachineRecord.revisionKey(stateMachineArn, revisionId),
        StateMachineRecord.KIND_REVISION);
    return kept.isPresent() ? kept : current;
  }

  public Optional<StateMachineAlias> alias(String aliasArn) {
    return view.get(aliasArn).flatMap(e -> e instanceof AliasEntry a ? Optional.of(a.record()) : Optional.empty());
  }

  /** The aliases of one (unqualified) state machine. */
  public List<StateMachineAlias> aliasesOf(String stateMachineArn) {
    return view.values().stream()
        .flatMap(e -> e instanceof AliasEntry a ? java.util.stream.Stream.of(a.record()) : java.util.stream.Stream.empty())
        .filter(a -> a.stateMachineArn().equals(stateMachineArn))
        .toList();
  }

  public void put(StateMachineAlias record) {
    write(record.arn(), WireJson.encode(record));
  }

  public void delete(String arn) {
    write(arn, null);
    if (view.get(arn + TAGS_SUFFIX).isPresent()) {
      write(arn + TAGS_SUFFIX, null);
    }
  }

  public Map<String, String> tags(String resourceArn) {
    return view.get(resourceArn + TAGS_SUFFIX)
        .map(e -> e instanceof TagsEntry t ? t.tags() : Map.<String, String>of())
        .orElse(Map.of());
  }

  public void putTags(String resourceArn, Map<String, String> tags) {
    ObjectNode value = AwsJson.object();
    value.put("type", "ResourceTags");
    value.put("version", 1);
    value.put("resourceArn", resourceArn);
    ObjectNode map = value.putObject("tags");
    tags.forEach(map::put);
    write(resourceArn + TAGS_SUFFIX, AwsJson.write(value).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private void write(String key, byte[] value) {
    try {
      RecordMetadata written = producer.send(new ProducerRecord<>(topic, key, value)).get();
      if (!view.awaitPosition(written.partition(), written.offset() + 1, WRITE_VISIBLE_TIMEOUT)) {
        throw new IllegalStateException("the definitions view did not catch up with its own write");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing a definition", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot write to " + topic + ": " + e.getCause().getMessage(), e.getCause());
    }
  }

  @Override
  public void close() {
    view.close();
  }
}
