package dev.stepstream.wire;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Where a Kafka client connects and with which security settings: the bootstrap servers plus the
 * client properties of a {@code --kafka-config} file ({@code security.protocol}, {@code sasl.*},
 * {@code ssl.*}), applied to every producer, consumer, admin client and Kafka Streams instance.
 *
 * @param bootstrapServers {@code host:port[,host:port...]}
 * @param clientProperties extra client settings, applied after each client's own defaults
 */
public record KafkaConnection(String bootstrapServers, Map<String, String> clientProperties) {
  private static final String BOOTSTRAP = "bootstrap.servers";

  public KafkaConnection {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    clientProperties = Map.copyOf(clientProperties);
    if (clientProperties.containsKey(BOOTSTRAP)) {
      throw new IllegalArgumentException("the client properties must not set " + BOOTSTRAP
          + "; give the servers with --kafka");
    }
  }

  /** Plain connection, no extra client properties. */
  public static KafkaConnection of(String bootstrapServers) {
    return new KafkaConnection(bootstrapServers, Map.of());
  }

  /**
   * Reads a Java properties file of client settings.
   *
   * @param file null for none
   * @throws IllegalArgumentException naming the file when it does not exist, cannot be read or does not parse
   */
  public static KafkaConnection load(String bootstrapServers, Path file) {
    return file == null ? of(bootstrapServers) : new KafkaConnection(bootstrapServers, readProperties(file));
  }

  /** The settings of a client-properties file. */
  public static Map<String, String> readProperties(Path file) {
    Properties p = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      p.load(reader);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("Kafka client config file " + file + " does not exist");
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("Kafka client config file " + file + " cannot be read: " + e.getMessage(), e);
    }
    Map<String, String> settings = new TreeMap<>();
    p.stringPropertyNames().forEach(name -> settings.put(name, p.getProperty(name).trim()));
    return settings;
  }

  /**
   * Sets the servers and the client properties on a client's configuration (a {@code Map<String,
   * Object>} or {@link Properties}), overriding what it set before.
   */
  public void applyTo(Map<? super String, ? super String> config) {
    config.put(BOOTSTRAP, bootstrapServers);
    config.putAll(clientProperties);
  }

  /** Names the servers and the settings given, never their values (they hold passwords). */
  @Override
  public String toString() {
    return "KafkaConnection[" + bootstrapServers + ", settings " + new TreeMap<>(clientProperties).keySet() + "]";
  }
}
