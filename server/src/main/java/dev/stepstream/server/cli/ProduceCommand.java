package dev.stepstream.server.cli;

import dev.stepstream.wire.KafkaConnection;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stepstream produce}: writes records to any topic, like Kafka's console producer: each VALUE
 * argument, or else each line of standard input, is one record (UTF-8), with an optional key. A
 * missing topic is created with the cluster's defaults (the embedded broker does not auto-create).
 */
@Command(name = "produce", description = "Write records to a Kafka topic (values as arguments or stdin lines).",
    mixinStandardHelpOptions = true)
final class ProduceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Option(names = {"--kafka", "--bootstrap-servers"}, defaultValue = "localhost:9092", paramLabel = "HOST:PORT",
      description = "The Kafka cluster (default: ${DEFAULT-VALUE}).") String bootstrapServers;
  @Option(names = "--kafka-config", paramLabel = "FILE", description = ServeCommand.KAFKA_CONFIG_HELP) Path kafkaConfig;
  @Option(names = "--topic", required = true) String topic;
  @Option(names = "--key", description = "The key of every record (default: none).") String key;
  @Parameters(arity = "0..*", paramLabel = "VALUE") List<String> values;

  @Override
  public Integer call() throws Exception {
    KafkaConnection kafka = KafkaConnection.load(bootstrapServers, kafkaConfig);
    List<String> records = values != null && !values.isEmpty() ? values : stdinLines();
    Properties p = new Properties();
    kafka.applyTo(p);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
    PrintWriter out = spec.commandLine().getOut();
    ensureTopic(kafka);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      for (String value : records) {
        RecordMetadata written = producer.send(new ProducerRecord<>(topic, key, value)).get();
        out.println(topic + "-" + written.partition() + "@" + written.offset());
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot write to " + topic + " at " + bootstrapServers + ": "
          + e.getCause().getMessage(), e.getCause());
    }
    out.flush();
    return 0;
  }

  /** Creates the topic with the cluster's default partitions and replication when it is missing. */
  private void ensureTopic(KafkaConnection kafka) throws InterruptedException {
    Properties p = new Properties();
    kafka.applyTo(p);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    try (Admin admin = Admin.create(p)) {
      admin.createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty()))).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create " + topic + " at " + bootstrapServers + ": "
            + e.getCause().getMessage(), e.getCause());
      }
    }
  }

  private static List<String> stdinLines() throws java.io.IOException {
    List<String> lines = new ArrayList<>();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (!line.isBlank()) {
        lines.add(line);
      }
    }
    return lines;
  }
}
