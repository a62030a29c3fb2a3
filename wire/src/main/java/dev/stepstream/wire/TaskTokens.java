package dev.stepstream.wire;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Task tokens: opaque to users (base64url text), but they carry the execution ARN so the API can
 * route SendTaskSuccess/Failure/Heartbeat to the right execution, and the engine's sequence so a
 * stale token can be told apart from the current one. The nonce makes tokens unguessable.
 */
public final class TaskTokens {
  private static final char SEPARATOR = '\n';
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private TaskTokens() {}

  public static String create(String executionArn, long sequence, String nonce) {
    Require.text(executionArn, "TaskToken", "executionArn");
    String plain = executionArn + SEPARATOR + sequence + SEPARATOR + (nonce == null ? "" : nonce);
    return ENCODER.encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** The execution the token belongs to; empty for text that is not a token. */
  public static Optional<String> executionArn(String token) {
    return parts(token).map(p -> p[0]);
  }

  /** The sequence number the engine gave the token; empty for text that is not a token. */
  public static OptionalLong sequence(String token) {
    Optional<String[]> parts = parts(token);
    if (parts.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(parts.get()[1]));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** The nonce part of the token (for signed tokens, {@code <key id>.<MAC>}); empty for text that is not a token. */
  public static Optional<String> nonce(String token) {
    return parts(token).map(p -> p[2]);
  }

  private static Optional<String[]> parts(String token) {
    if (token == null || token.isEmpty() || token.length() > 4096) {
      return Optional.empty();
    }
    String plain;
    try {
      plain = new String(DECODER.decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int first = plain.indexOf(SEPARATOR);
    int second = first < 0 ? -1 : plain.indexOf(SEPARATOR, first + 1);
    if (first <= 0 || second < 0) {
      return Optional.empty();
    }
    return Optional.of(new String[] {plain.substring(0, first), plain.substring(first + 1, second), plain.substring(second + 1)});
  }
}
