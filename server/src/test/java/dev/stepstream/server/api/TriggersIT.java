package dev.stepstream.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import dev.stepstream.wire.DeadLetter;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.WireJson;
import dev.stepstream.wire.WireRecord;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Topic triggers on the real broker, through the REST API, the trigger service and the processor. */
@ExtendWith(KafkaClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TriggersIT {
  private static final String PASS = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";
  private static final String WAIT_AN_HOUR =
      "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":3600,\"End\":true}}}";
  private final HttpClient http = HttpClient.newHttpClient();
  private ApiFixture fixture;
  private KafkaCluster kafka;
  private KafkaProducer<String, byte[]> producer;

  @BeforeAll
  void start(KafkaCluster kafka) throws Exception {
    this.kafka = kafka;
    fixture = new ApiFixture(kafka, Duration.ofSeconds(5));
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_000_000);
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
    p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  @AfterAll
  void stop() {
    producer.close();
    fixture.close();
  }

  @Test
  void shouldStartExactlyTheMatchingRecordsOfASixPartitionTopicAndDeadLetterTheBadOnes() throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8);
    String machine = machine("orders-" + id);
    String topic = topic("orders-" + id);
    Set<Integer> expectedIds = new HashSet<>();
    List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      byte[] value = switch (i % 4) {
        case 0 -> json("{\"kind\":\"paid\",\"id\":" + i + "}");
        case 1 -> json("{\"kind\":\"open\",\"id\":" + i + "}");
        case 2 -> new byte[] {(byte) 0xff, (byte) i, 0x01};
        default -> i < 40 ? json("{\"kind\":\"paid\",\"id\":\"abc\"}") : json("{\"kind\":\"void\",\"id\":" + i + "}");
      };
      if (i % 4 == 0) {
        expectedIds.add(i);
      }
      sent.add(producer.send(new ProducerRecord<>(topic, "k" + i, value)));
    }
    sent.add(producer.send(new ProducerRecord<>(topic, "big",
        json("{\"kind\":\"paid\",\"id\":1,\"pad\":\"" + "x".repeat(300_000) + "\"}"))));
    for (var written : sent) {
      written.get();
    }

    JsonNode created = post("/api/triggers", "{\"name\":\"paid-" + id + "\",\"sourceTopic\":\"" + topic
        + "\",\"target\":\"" + machine + "\",\"startingPosition\":\"EARLIEST\","
        + "\"filter\":{\"value\":{\"kind\":[\"paid\"]}},\"inputTransform\":\"{\\\"orderId\\\": $record.value.id + 0}\"}");
    assertThat(created.path("state").asText()).isEqualTo("ACTIVE");

    List<StartExecution> starts = awaitStarts(machine, 150);
    assertThat(starts).extracting(s -> s.input().path("orderId").asInt()).containsExactlyInAnyOrderElementsOf(expectedIds);
    assertThat(starts).extracting(StartExecution::name).doesNotHaveDuplicates().allMatch(n -> n.startsWith(topic + "-"));
    List<DeadLetter> dead = await(() -> deadLetters(topic), l -> l.size() >= 11);
    assertThat(dead).hasSize(11).allMatch(d -> d.sourceTopic().equals(topic) && d.offset() >= 0);
    assertThat(dead).filteredOn(d -> "big".equals(d.key())).singleElement()
        .satisfies(d -> assertThat(d.reason()).contains("more than the 262144 bytes").contains("paid-" + id));
    assertThat(dead).filteredOn(d -> !"big".equals(d.key()))
        .allMatch(d -> d.reason().contains("the input transformation failed"));
    Map<String, List<String>> statuses = await(() -> statusEvents(machine), m -> m.size() == 150
        && m.values().stream().allMatch(s -> s.size() == 2));
    assertThat(statuses.values()).allMatch(s -> s.equals(List.of("RUNNING", "SUCCEEDED")));
    Thread.sleep(1_000);
    assertThat(starts(machine)).hasSize(150);
    JsonNode described = get("/api/triggers/paid-" + id);
    assertThat(described.path("metrics").path("executionsStarted").asLong()).isEqualTo(150);
    assertThat(described.path("metrics").path("recordsDeadLettered").asLong()).isEqualTo(11);
    assertThat(described.path("metrics").path("recordsRead").asLong()).isEqualTo(601);
  }

  @Test
  void shouldResumeAPausedTriggerWhereItStopped() throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8);
    String machine = machine("resume-" + id);
    String topic = topic("resume-" + id);
    post("/api/triggers", "{\"name\":\"resume-" + id + "\",\"sourceTopic\":\"" + topic + "\",\"target\":\""
        + machine + "\",\"startingPosition\":\"EARLIEST\"}");
    produce(topic, 0, 30);
    awaitStarts(machine, 30);

    assertThat(post("/api/triggers/resume-" + id + "/pause", "").path("state").asText()).isEqualTo("PAUSED");
    Thread.sleep(2_000);
    produce(topic, 30, 50);
    Thread.sleep(3_000);
    assertThat(starts(machine)).hasSize(30);

    post("/api/triggers/resume-" + id + "/resume", "");
    List<StartExecution> all = awaitStarts(machine, 50);
    assertThat(all).extracting(s -> s.input().path("n").asInt()).containsExactlyInAnyOrderElementsOf(
        IntStream.range(0, 50).boxed().toList());
    assertThat(all).extracting(StartExecution::name).doesNotHaveDuplicates();
  }

  @Test
  void shouldHoldRecordsAtTheConcurrencyLimitAndStartThemAsExecutionsFinish() throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8);
    String machine = machine("limit-" + id, WAIT_AN_HOUR);
    String topic = topic("limit-" + id);
    produce(topic, 0, 5);
    post("/api/triggers", "{\"name\":\"limit-" + id + "\",\"sourceTopic\":\"" + topic + "\",\"target\":\""
        + machine + "\",\"startingPosition\":\"EARLIEST\",\"maxConcurrency\":2}");

    List<StartExecution> first = awaitStarts(machine, 2);
    JsonNode held = await(() -> getUnchecked("/api/triggers/limit-" + id),
        d -> d.path("metrics").path("heldAtLimit").asBoolean() && d.path("metrics").path("executionsRunning").asInt() == 2);
    Thread.sleep(3_000);
    assertThat(starts(machine)).as("starts while at the limit").hasSize(2);
    assertThat(held.path("maxConcurrency").asInt()).isEqualTo(2);
    assertThat(held.path("metrics").path("heldAtLimit").asBoolean()).isTrue();

    fixture.sfn.stopExecution(b -> b.executionArn(first.get(0).executionArn()));
    assertThat(awaitStarts(machine, 3)).hasSize(3);
    Thread.sleep(3_000);
    assertThat(starts(machine)).as("starts after one finished").hasSize(3);

    Set<String> stopped = new HashSet<>(List.of(first.get(0).executionArn()));
    List<StartExecution> all = await(() -> {
      starts(machine).stream().map(StartExecution::executionArn).filter(stopped::add)
          .forEach(arn -> fixture.sfn.stopExecution(b -> b.executionArn(arn)));
      return starts(machine);
    }, l -> l.size() >= 5);
    assertThat(all).extracting(s -> s.input().path("n").asInt()).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
  }

  @Test
  void shouldStartAtATimestampAndPassNonJsonValuesAsBase64() throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8);
    String machine = machine("at-" + id);
    String topic = topic("at-" + id);
    produce(topic, 0, 10);
    Thread.sleep(50);
    long from = System.currentTimeMillis();
    Thread.sleep(50);
    for (int i = 0; i < 10; i++) {
      producer.send(new ProducerRecord<>(topic, "b" + i, new byte[] {(byte) 0xfe, (byte) i})).get();
    }
    post("/api/triggers", "{\"name\":\"at-" + id + "\",\"sourceTopic\":\"" + topic + "\",\"target\":\""
        + machine + "\",\"startingPosition\":\"AT_TIMESTAMP\",\"startingTimestamp\":" + from + "}");

    List<StartExecution> starts = awaitStarts(machine, 10);
    Thread.sleep(2_000);
    assertThat(starts(machine)).hasSize(10);
    assertThat(starts).extracting(s -> s.input().asText()).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 10)
        .mapToObj(i -> java.util.Base64.getEncoder().encodeToString(new byte[] {(byte) 0xfe, (byte) i})).toList());
  }

  @Test
  void shouldRefuseAnInvalidFilterAndAnUnknownTrigger() throws Exception {
    String machine = machine("refuse-" + UUID.randomUUID().toString().substring(0, 8));
    HttpResponse<String> bad = send(HttpRequest.newBuilder(uri("/api/triggers")).POST(HttpRequest.BodyPublishers.ofString(
        "{\"name\":\"bad\",\"sourceTopic\":\"t\",\"target\":\"" + machine + "\",\"filter\":{\"value\":\"x\"}}")));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("ValidationException")
        .contains("Invalid event pattern: the value of 'value' must be an object or an array of matchers, not string");
    assertThat(send(HttpRequest.newBuilder(uri("/api/triggers/nope")).GET()).statusCode()).isEqualTo(404);
  }

  private void produce(String topic, int from, int to) throws Exception {
    for (int i = from; i < to; i++) {
      producer.send(new ProducerRecord<>(topic, "k" + i, json("{\"n\":" + i + "}"))).get();
    }
  }

  private String machine(String name) {
    return machine(name, PASS);
  }

  private String machine(String name, String definition) {
    return fixture.sfn.createStateMachine(b -> b.name(name).definition(definition)
        .roleArn("arn:aws:iam::123456789012:role/stepstream")).stateMachineArn();
  }

  private String topic(String name) throws Exception {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    try (Admin admin = Admin.create(p)) {
      admin.createTopics(List.of(new NewTopic(name, 6, (short) 1))).all().get();
    }
    return name;
  }

  private List<StartExecution> awaitStarts(String machine, int count) throws InterruptedException {
    return await(() -> starts(machine), l -> l.size() >= count);
  }

  private List<StartExecution> starts(String machine) {
    List<StartExecution> starts = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> r : readAll(fixture.topics.commands())) {
      if (WireJson.decode(r.value(), WireRecord.class) instanceof StartExecution s && s.stateMachineArn().equals(machine)) {
        starts.add(s);
      }
    }
    return starts;
  }

  private List<DeadLetter> deadLetters(String sourceTopic) {
    return readAll(fixture.topics.deadLetters()).stream().map(r -> WireJson.decode(r.value(), DeadLetter.class))
        .filter(d -> d.sourceTopic().equals(sourceTopic)).toList();
  }

  private Map<String, List<String>> statusEvents(String machine) {
    Map<String, List<String>> byExecution = new LinkedHashMap<>();
    for (ConsumerRecord<String, byte[]> r : readAll(fixture.topics.events())) {
      JsonNode detail = parse(r.value()).path("detail");
      if (detail.path("stateMachineArn").asText().equals(machine)) {
        byExecution.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(detail.path("status").asText());
      }
    }
    return byExecution;
  }

  private List<ConsumerRecord<String, byte[]>> readAll(String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(i -> new TopicPartition(topic, i.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp)) && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(100)).forEach(all::add);
      }
    }
    return all;
  }

  private static <T> T await(java.util.function.Supplier<T> read, Predicate<T> done) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
    T value = read.get();
    while (!done.test(value) && System.nanoTime() < deadline) {
      Thread.sleep(500);
      value = read.get();
    }
    return value;
  }

  private JsonNode post(String path, String body) throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return parse(response.body().getBytes(StandardCharsets.UTF_8));
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return parse(response.body().getBytes(StandardCharsets.UTF_8));
  }

  private JsonNode getUnchecked(String path) {
    try {
      return get(path);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create(fixture.endpoint() + path);
  }

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static JsonNode parse(byte[] bytes) {
    try {
      return WireJson.mapper().readTree(bytes);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
