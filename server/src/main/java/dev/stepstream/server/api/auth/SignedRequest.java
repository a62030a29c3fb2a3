package dev.stepstream.server.api.auth;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP request as SigV4 sees it.
 *
 * @param method the HTTP method
 * @param rawPath the path as sent, still percent-encoded
 * @param rawQuery the query string as sent (without {@code ?}), or null
 * @param headers header values by name (any case)
 * @param body the body bytes
 */
public record SignedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
    byte[] body) {
  public SignedRequest {
    Map<String, List<String>> lower = new TreeMap<>();
    headers.forEach((name, values) -> lower.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values),
        (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
    headers = Map.copyOf(lower);
  }

  /** The first value of a header (any case), or null. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
