package dev.stepstream.processor.integrations;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * How the HTTP Task calls out: the size of the pool that makes the calls, the timeout of one call,
 * and the named connections its {@code Authentication.ConnectionArn} refers to.
 */
public record HttpSettings(int threads, Duration timeout, Map<String, HttpConnection> connections) {
  public static final String PROPERTY_PREFIX = IntegrationSettings.PROPERTY_PREFIX + "http.";

  public HttpSettings {
    if (threads < 1) {
      throw new IllegalArgumentException("http.threads must be at least 1 but was " + threads);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("http.timeoutSeconds must be positive but was " + timeout.toSeconds());
    }
    connections = Map.copyOf(connections);
  }

  /** 8 threads and AWS's 60 seconds per call, no connections. */
  public static HttpSettings defaults() {
    return new HttpSettings(8, Duration.ofSeconds(60), Map.of());
  }

  /**
   * The defaults, changed by {@code stepstream.integrations.http.threads}, {@code .timeoutSeconds}
   * and {@code .connection.<name>.type} (API_KEY, BASIC or OAUTH_CLIENT_CREDENTIALS) with
   * {@code .connection.<name>.<field>} for the fields of that type.
   */
  public static HttpSettings fromProperties(Properties properties) {
    Map<String, Map<String, String>> fields = new HashMap<>();
    String connectionPrefix = PROPERTY_PREFIX + "connection.";
    for (String property : properties.stringPropertyNames()) {
      if (property.startsWith(connectionPrefix)) {
        String rest = property.substring(connectionPrefix.length());
        int dot = rest.lastIndexOf('.');
        if (dot <= 0) {
          throw new IllegalArgumentException("Expected " + connectionPrefix + "<name>.<field> but got " + property);
        }
        fields.computeIfAbsent(rest.substring(0, dot), n -> new HashMap<>())
            .put(rest.substring(dot + 1), properties.getProperty(property).trim());
      }
    }
    Map<String, HttpConnection> connections = new HashMap<>();
    fields.forEach((name, values) -> connections.put(name, new HttpConnection(name, type(name, values.remove("type")), values)));
    return new HttpSettings(
        Integer.parseInt(properties.getProperty(PROPERTY_PREFIX + "threads", "8").trim()),
        Duration.ofSeconds(Long.parseLong(properties.getProperty(PROPERTY_PREFIX + "timeoutSeconds", "60").trim())),
        connections);
  }

  private static HttpConnection.Type type(String name, String type) {
    try {
      return HttpConnection.Type.valueOf(type == null ? "" : type.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The HTTP connection '" + name
          + "' needs a type of API_KEY, BASIC or OAUTH_CLIENT_CREDENTIALS but has '" + type + "'.");
    }
  }

  public HttpSettings withTimeout(Duration callTimeout) {
    return new HttpSettings(threads, callTimeout, connections);
  }
}
