package dev.stepstream.processor.integrations;

import java.util.Map;
import java.util.Objects;

/**
 * A named connection of the HTTP Task: how Stepstream authenticates its calls (AWS keeps this in an
 * EventBridge connection). The secrets never appear in {@link #toString()}.
 *
 * @param fields {@code apiKeyName}/{@code apiKeyValue} (API_KEY), {@code username}/{@code password}
 *     (BASIC), {@code clientId}/{@code clientSecret}/{@code tokenEndpoint}[/{@code scope}]
 *     (OAUTH_CLIENT_CREDENTIALS)
 */
public record HttpConnection(String name, Type type, Map<String, String> fields) {

  public enum Type { API_KEY, BASIC, OAUTH_CLIENT_CREDENTIALS }

  public HttpConnection {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    fields = Map.copyOf(fields);
    for (String required : required(type)) {
      if (fields.getOrDefault(required, "").isEmpty()) {
        throw new IllegalArgumentException("The HTTP connection '" + name + "' of type " + type
            + " needs the field '" + required + "'.");
      }
    }
  }

  private static String[] required(Type type) {
    return switch (type) {
      case API_KEY -> new String[] {"apiKeyName", "apiKeyValue"};
      case BASIC -> new String[] {"username", "password"};
      case OAUTH_CLIENT_CREDENTIALS -> new String[] {"clientId", "clientSecret", "tokenEndpoint"};
    };
  }

  public String field(String field) {
    return fields.get(field);
  }

  @Override
  public String toString() {
    return "HttpConnection[" + name + ", " + type + "]";
  }
}
