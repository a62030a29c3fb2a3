package dev.stepstream.processor.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.wire.WireJson;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps an HTTP response to the HTTP Task's outcome as AWS shapes it: {@code {ResponseBody,
 * StatusCode, StatusText, Headers}} for a 2xx status, else the error
 * {@code States.Http.StatusCode.<code>} whose cause is that same object as JSON text; a failed
 * connection or a timeout is {@code States.Http.Socket}. Header names are lower case (as HTTP/2
 * sends them), each with the list of its values.
 */
final class HttpResponses {
  static final String SOCKET = "States.Http.Socket";
  static final String STATUS_PREFIX = "States.Http.StatusCode.";

  private HttpResponses() {}

  static Outcome outcome(int status, Map<String, List<String>> headers, String body) {
    ObjectNode response = AwsShapes.object();
    response.set("ResponseBody", responseBody(headers, body));
    response.put("StatusCode", String.valueOf(status));
    response.put("StatusText", statusText(status));
    ObjectNode names = response.putObject("Headers");
    headers.forEach((name, values) -> {
      if (!name.startsWith(":")) {
        ArrayNode list = names.withArrayProperty(name.toLowerCase(Locale.ROOT));
        values.forEach(list::add);
      }
    });
    if (status >= 200 && status < 300) {
      return new Outcome.Succeeded(response);
    }
    return new Outcome.Failed(STATUS_PREFIX + status, response.toString());
  }

  /** A call that got no response: refused, reset, unresolvable, or over the timeout. */
  static Outcome.Failed socket(Throwable error, String host, long timeoutSeconds) {
    String cause = error instanceof HttpTimeoutException
        ? "The HTTP request to " + host + " timed out after " + timeoutSeconds + " seconds."
        : "The HTTP request to " + host + " failed: " + error.getClass().getSimpleName()
            + (error.getMessage() == null ? "" : " (" + error.getMessage() + ")");
    return new Outcome.Failed(SOCKET, cause);
  }

  private static JsonNode responseBody(Map<String, List<String>> headers, String body) {
    boolean json = headers.entrySet().stream()
        .filter(h -> h.getKey().equalsIgnoreCase("content-type"))
        .flatMap(h -> h.getValue().stream())
        .anyMatch(type -> type.toLowerCase(Locale.ROOT).contains("json"));
    if (json && !body.isBlank()) {
      try {
        return WireJson.mapper().readTree(body);
      } catch (IOException e) {
        // not JSON after all: return it as text, as AWS does
      }
    }
    return JsonNodeFactory.instance.textNode(body);
  }

  static String statusText(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 201 -> "Created";
      case 202 -> "Accepted";
      case 204 -> "No Content";
      case 301 -> "Moved Permanently";
      case 302 -> "Found";
      case 304 -> "Not Modified";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 409 -> "Conflict";
      case 410 -> "Gone";
      case 422 -> "Unprocessable Entity";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 501 -> "Not Implemented";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "";
    };
  }
}
