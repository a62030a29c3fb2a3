package dev.stepstream.processor.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds the HTTP request of an HTTP Task from its parameters ({@code ApiEndpoint}, {@code Method},
 * {@code Headers}, {@code QueryParameters}, {@code RequestBody}, {@code Transform},
 * {@code Authentication.ConnectionArn}). Makes no call; an OAuth connection's token comes from {@code tokens}.
 */
final class HttpRequests {
  static final String INVALID = "States.Runtime";
  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");

  private HttpRequests() {}

  /** The request to send; {@code body} is null for none. Header values may hold secrets: never log them. */
  record HttpCall(String method, URI uri, List<Outgoing.Header> headers, String body) {
    @Override
    public String toString() {
      return "HttpCall[" + method + " " + uri.getScheme() + "://" + uri.getHost() + uri.getRawPath() + "]";
    }
  }

  static HttpCall build(JsonNode input, Map<String, HttpConnection> connections,
      Function<HttpConnection, String> tokens) {
    Params p = new Params(input, INVALID);
    String method = p.text("Method").toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw new IntegrationFailure(INVALID, "The Method '" + p.text("Method") + "' must be one of " + METHODS + ".");
    }
    String arrayFormat = arrayFormat(p);
    List<Outgoing.Header> headers = new ArrayList<>();
    JsonNode given = p.node("Headers");
    if (given != null) {
      if (!given.isObject()) {
        throw new IntegrationFailure(INVALID, "The parameter 'Headers' must be an object.");
      }
      given.fields().forEachRemaining(h -> headers.add(new Outgoing.Header(h.getKey(), Params.textOf(h.getValue()))));
    }
    String body = body(p, arrayFormat, headers);
    String query = query(p, arrayFormat);
    HttpConnection connection = connection(p, connections);
    if (connection != null) {
      authenticate(connection, headers, tokens);
    }
    return new HttpCall(method, uri(p.text("ApiEndpoint"), query), headers, body);
  }

  private static String arrayFormat(Params p) {
    JsonNode format = p.node("Transform") == null ? null
        : p.node("Transform").path("RequestEncodingOptions").get("ArrayFormat");
    String value = format == null || format.isNull() ? "INDICES" : format.asText();
    if (!UrlEncoding.FORMATS.contains(value)) {
      throw new IntegrationFailure(INVALID, "The ArrayFormat '" + value + "' must be one of " + UrlEncoding.FORMATS + ".");
    }
    return value;
  }

  private static String body(Params p, String arrayFormat, List<Outgoing.Header> headers) {
    JsonNode body = p.node("RequestBody");
    JsonNode transform = p.node("Transform");
    String encoding = transform == null ? "NONE" : transform.path("RequestBodyEncoding").asText("NONE");
    if ("URL_ENCODED".equals(encoding)) {
      if (body != null && !body.isObject()) {
        throw new IntegrationFailure(INVALID, "The RequestBody must be an object when RequestBodyEncoding is URL_ENCODED.");
      }
      setDefaultHeader(headers, "Content-Type", "application/x-www-form-urlencoded");
      return body == null ? "" : UrlEncoding.encode(body, arrayFormat);
    }
    if (!"NONE".equals(encoding)) {
      throw new IntegrationFailure(INVALID, "The RequestBodyEncoding '" + encoding + "' must be NONE or URL_ENCODED.");
    }
    if (body == null) {
      return null;
    }
    if (!body.isTextual()) {
      setDefaultHeader(headers, "Content-Type", "application/json");
    }
    return Params.textOf(body);
  }

  private static String query(Params p, String arrayFormat) {
    JsonNode query = p.node("QueryParameters");
    if (query == null) {
      return "";
    }
    if (!query.isObject()) {
      throw new IntegrationFailure(INVALID, "The parameter 'QueryParameters' must be an object.");
    }
    return UrlEncoding.encode(query, arrayFormat);
  }

  private static URI uri(String endpoint, String query) {
    String text = query.isEmpty() ? endpoint : endpoint + (endpoint.contains("?") ? "&" : "?") + query;
    try {
      URI uri = URI.create(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
        throw new IllegalArgumentException("not an absolute http(s) URL");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new IntegrationFailure(INVALID, "The ApiEndpoint '" + endpoint + "' is not a valid URL: " + e.getMessage());
    }
  }

  private static HttpConnection connection(Params p, Map<String, HttpConnection> connections) {
    JsonNode auth = p.node("Authentication");
    JsonNode arn = auth == null ? null : auth.get("ConnectionArn");
    if (arn == null || !arn.isTextual()) {
      return null;
    }
    String name = connectionName(arn.textValue());
    HttpConnection connection = connections.get(name);
    if (connection == null) {
      throw new IntegrationFailure(INVALID, "No HTTP connection named '" + name + "' is configured (set "
          + HttpSettings.PROPERTY_PREFIX + "connection." + name + ".type and its fields).");
    }
    return connection;
  }

  /** {@code arn:aws:events:<region>:<account>:connection/<name>/<id>} to {@code <name>}; a plain name as it is. */
  static String connectionName(String arn) {
    int at = arn.indexOf(":connection/");
    if (at < 0) {
      return arn;
    }
    String rest = arn.substring(at + ":connection/".length());
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }

  private static void authenticate(HttpConnection c, List<Outgoing.Header> headers,
      Function<HttpConnection, String> tokens) {
    switch (c.type()) {
      case API_KEY -> headers.add(new Outgoing.Header(c.field("apiKeyName"), c.field("apiKeyValue")));
      case BASIC -> headers.add(new Outgoing.Header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (c.field("username") + ":" + c.field("password")).getBytes(StandardCharsets.UTF_8))));
      case OAUTH_CLIENT_CREDENTIALS -> headers.add(new Outgoing.Header("Authorization", "Bearer " + tokens.apply(c)));
    }
  }

  private static void setDefaultHeader(List<Outgoing.Header> headers, String name, String value) {
    if (headers.stream().noneMatch(h -> h.name().equalsIgnoreCase(name))) {
      headers.add(new Outgoing.Header(name, value));
    }
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
