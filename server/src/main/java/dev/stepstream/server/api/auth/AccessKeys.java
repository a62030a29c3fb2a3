package dev.stepstream.server.api.auth;

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

  public List<AccessKey> all() {
    return List.copyOf(byId.values());
  }
}
