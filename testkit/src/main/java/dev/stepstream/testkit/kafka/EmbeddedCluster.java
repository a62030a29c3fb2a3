package dev.stepstream.testkit.kafka;

import dev.stepstream.broker.EmbeddedBrokerConfig;
import dev.stepstream.broker.EmbeddedKafkaBroker;

final class EmbeddedCluster implements KafkaCluster, AutoCloseable {
  private final EmbeddedKafkaBroker broker;

  EmbeddedCluster() {
    this.broker = EmbeddedKafkaBroker.start(EmbeddedBrokerConfig.ephemeral());
  }

  @Override
  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  @Override
  public String kind() {
    return "embedded";
  }

  @Override
  public void close() {
    broker.close();
  }
}
