package dev.stepstream.server.api.aws;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code nextToken}/{@code maxResults} pagination over a list that is already in its final order.
 * The token is opaque to clients (base64 of the next offset and a tag naming what is listed, so a
 * token from another listing is rejected as AWS rejects it, with InvalidToken).
 */
public final class Pages {
  private Pages() {}

  public static <T> void page(RequestFields request, String listTag, List<T> items, int defaultSize,
      ObjectNode response, String member, Function<T, ObjectNode> shape) {
    int size = request.maxResults(defaultSize);
    int from = request.optionalText("nextToken").map(t -> offset(t, listTag)).orElse(0);
    ArrayNode out = response.putArray(member);
    int to = Math.min(items.size(), from + size);
    for (int i = from; i < to; i++) {
      out.add(shape.apply(items.get(i)));
    }
    if (to < items.size()) {
      response.put("nextToken", token(listTag, to));
    }
  }

  public static String token(String listTag, long offset) {
    String plain = listTag + "|" + offset;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  public static long decode(String token, String listTag) {
    Optional<Long> offset = Optional.empty();
    try {
      String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      int bar = plain.lastIndexOf('|');
      if (bar > 0 && plain.substring(0, bar).equals(listTag)) {
        offset = Optional.of(Long.parseLong(plain.substring(bar + 1)));
      }
    } catch (IllegalArgumentException e) {
      offset = Optional.empty();
    }
    return offset.filter(o -> o >= 0).orElseThrow(() -> AwsErrors.invalidToken(token));
  }

  private static int offset(String token, String listTag) {
    return (int) Math.min(Integer.MAX_VALUE, decode(token, listTag));
  }
}
