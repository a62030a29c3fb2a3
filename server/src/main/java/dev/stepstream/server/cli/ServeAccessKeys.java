package dev.stepstream.server.cli;

import dev.stepstream.server.api.auth.AccessKey;
import dev.stepstream.server.api.auth.AccessKeys;
import dev.stepstream.server.security.AccessKeyFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The keys {@code serve} accepts. With {@code STEPSTREAM_ACCESS_KEY_ID} and
 * {@code STEPSTREAM_SECRET_ACCESS_KEY} in the environment (a container's usual way to get a secret),
 * that key, plus the keys file's keys when the file exists; no file is created then. Without them,
 * the keys file, created with one new key (handed to {@code created}) when missing.
 */
final class ServeAccessKeys {
  private ServeAccessKeys() {}

  static AccessKeys resolve(Map<String, String> environment, Path file, Consumer<AccessKey> created) {
    Optional<AccessKey> fromEnvironment = CliCredentials.from(environment);
    if (fromEnvironment.isEmpty()) {
      return AccessKeyFile.loadOrCreate(file, created);
    }
    AccessKey key = fromEnvironment.get();
    List<AccessKey> keys = new ArrayList<>(List.of(key));
    if (Files.exists(file)) {
      AccessKeyFile.load(file).all().stream().filter(k -> !k.id().equals(key.id())).forEach(keys::add);
    }
    return new AccessKeys(keys);
  }
}
