package dev.stepstream.wire;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret keys that make task tokens unforgeable. A token's nonce is {@code <key id>.<MAC>},
 * where the MAC is HMAC-SHA-256 over the token's execution ARN and sequence. The first key signs;
 * every key verifies, so a key can be rotated in without invalidating the tokens of tasks still
 * running (see docs/security.md).
 */
public final class TaskTokenKeys {
  private static final String ALGORITHM = "HmacSHA256";
  private static final int MAC_BYTES = 24;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  /** One key: a short public id (it travels in tokens) and the secret. */
  public record Key(String id, byte[] secret) {
    public Key {
      if (id == null || !id.matches("[A-Za-z0-9_-]{1,32}")) {
        throw new IllegalArgumentException("a task token key id is 1 to 32 letters, digits, '-' or '_', not '" + id + "'");
      }
      if (secret == null || secret.length < 16) {
        throw new IllegalArgumentException("task token key '" + id + "' must have at least 16 secret bytes");
      }
      secret = secret.clone();
    }
  }

  private final List<Key> keys;
  private final ThreadLocal<Map<String, Mac>> macs = ThreadLocal.withInitial(HashMap::new);

  public TaskTokenKeys(List<Key> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("at least one task token key is needed");
    }
    this.keys = List.copyOf(keys);
  }

  /** A new key ring with one fresh 256-bit key. */
  public static TaskTokenKeys generate() {
    return new TaskTokenKeys(List.of(newKey()));
  }

  /** A fresh 256-bit key with a random id. */
  public static Key newKey() {
    SecureRandom random = new SecureRandom();
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    byte[] id = new byte[4];
    random.nextBytes(id);
    return new Key(HexFormat.of().formatHex(id), secret);
  }

  /** The keys, the signing key first. */
  public List<Key> keys() {
    return keys;
  }

  /** The nonce for a new token: the signing key's id and the MAC of the token's execution and sequence. */
  public String nonce(String executionArn, long sequence) {
    Key signing = keys.get(0);
    return signing.id() + "." + mac(signing, executionArn, sequence);
  }

  /** A new token, signed with the first key. */
  public String token(String executionArn, long sequence) {
    return TaskTokens.create(executionArn, sequence, nonce(executionArn, sequence));
  }

  /** True when the token was signed by one of these keys and not altered since. */
  public boolean verify(String token) {
    Optional<String> arn = TaskTokens.executionArn(token);
    var sequence = TaskTokens.sequence(token);
    Optional<String> nonce = TaskTokens.nonce(token);
    if (arn.isEmpty() || sequence.isEmpty() || nonce.isEmpty()) {
      return false;
    }
    int dot = nonce.get().indexOf('.');
    if (dot <= 0) {
      return false;
    }
    String id = nonce.get().substring(0, dot);
    byte[] given = nonce.get().substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
    for (Key key : keys) {
      if (key.id().equals(id)) {
        byte[] expected = mac(key, arn.get(), sequence.getAsLong()).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
      }
    }
    return false;
  }

  /** The key ring plus a new signing key in front: the rotation step. */
  public TaskTokenKeys rotated(Key newSigningKey) {
    List<Key> next = new ArrayList<>();
    next.add(newSigningKey);
    keys.stream().filter(k -> !k.id().equals(newSigningKey.id())).forEach(next::add);
    return new TaskTokenKeys(next);
  }

  /** HMAC-SHA-256, truncated; one initialised {@link Mac} per key and thread (a new token per Task is a hot path). */
  private String mac(Key key, String executionArn, long sequence) {
    Mac mac = macs.get().computeIfAbsent(key.id(), id -> newMac(key));
    byte[] full = mac.doFinal((executionArn + '\n' + sequence).getBytes(StandardCharsets.UTF_8));
    return ENCODER.encodeToString(Arrays.copyOf(full, MAC_BYTES));
  }

  private static Mac newMac(Key key) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key.secret(), ALGORITHM));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 is not available in this JVM", e);
    }
  }
}
