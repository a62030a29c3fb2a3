package dev.stepstream.dist.reliability;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.WireJson;
import dev.stepstream.wire.WireVersions;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Starts many executions at once by writing StartExecution commands straight to the commands topic,
 * as the API does but without waiting for each to show up: fills a data directory far faster than
 * one call per execution on a loaded machine.
 */
final class CommandFlood {
  private CommandFlood() {}

  /** Writes {@code count} starts of {@code machineArn} named {@code prefix + i}; returns once all are acknowledged. */
  static void start(String bootstrapServers, String commandsTopic, String machineArn, String prefix, int count) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    String executionPrefix = machineArn.replace(":stateMachine:", ":execution:") + ":" + prefix;
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < count; i++) {
        String arn = executionPrefix + i;
        StartExecution start = new StartExecution(WireVersions.CURRENT, arn, machineArn, prefix + i,
            JsonNodeFactory.instance.objectNode().put("n", i), System.currentTimeMillis());
        producer.send(new ProducerRecord<>(commandsTopic, arn, WireJson.encode(start)));
      }
      producer.flush();
    }
  }
}
