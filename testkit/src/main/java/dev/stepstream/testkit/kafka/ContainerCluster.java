package dev.stepstream.testkit.kafka;

import org.testcontainers.kafka.KafkaContainer;

final class ContainerCluster implements KafkaCluster, AutoCloseable {
  private final KafkaContainer container;

  ContainerCluster(String image) {
    this.container = new KafkaContainer(image);
    container.start();
  }

  @Override
  public String bootstrapServers() {
    return container.getBootstrapServers();
  }

  @Override
  public String kind() {
    return "testcontainers";
  }

  @Override
  public void close() {
    container.stop();
  }
}
