package dev.stepstream.server.api.auth;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The access keys the API accepts, by id. */
public final class AccessKeys {
  private final Map<String, AccessKey> byId = new LinkedHashMap<>();

  public AccessKeys(List<AccessKey> keys) {
    for (AccessKey key : keys) {
      if (byId.putIfAbsent(key.id(), key) != null) {
        throw new IllegalArgumentException("access key '" + key.id() + "' is listed twice");
      }
    }
    if (byId.isEmpty()) {
      throw new IllegalArgumentException("no access key configured");
    }
  }

  public static AccessKeys of(AccessKey... keys) {
    return new AccessKeys(List.of(keys));
  }

  public Optional<AccessKey> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * The secret instances show each other on the {@code /internal/} routes: derived from every key,
   * so instances reading the same access keys file agree on it without another setting.
   */
  public String peerSecret() {
    StringBuilder material = new StringBuilder();
    byId.values().stream().sorted(java.util.Comparator.comparing(AccessKey::id))
        .forEach(k -> material.append(k.id()).append(' ').append(k.secret()).append('\n'));
    return HexFormat.of().formatHex(SigV4Verifier.hmac(material.toString().getBytes(StandardCharsets.UTF_8),
        "stepstream-peer-secret"));
  }

  public List<AccessKey> all() {
    return List.copyOf(byId.values());
  }
}
