package dev.stepstream.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HangingTransactionsIT {

  @Test
  void shouldNeverAbortATransactionItsCoordinatorStillHasInFlight(@TempDir Path dir) throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerConfig.persistent(0, dir, false));
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic("orders", 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
      try (KafkaProducer<String, String> committed = producer(broker, "committed");
          KafkaProducer<String, String> open = producer(broker, "open")) {
        committed.initTransactions();
        committed.beginTransaction();
        committed.send(new ProducerRecord<>("orders", 0, "k", "done")).get();
        committed.commitTransaction();
        open.initTransactions();
        open.beginTransaction();
        open.send(new ProducerRecord<>("orders", 1, "k", "in flight")).get();

        HangingTransactions hanging = new HangingTransactions(admin, Duration.ofSeconds(10));

        assertThat(hanging.find()).isEmpty();
        assertThat(hanging.abortAll()).isEmpty();
        open.commitTransaction();
      }
    }
  }

  private static KafkaProducer<String, String> producer(EmbeddedKafkaBroker broker, String transactionalId) {
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId),
        new StringSerializer(), new StringSerializer());
  }
}
