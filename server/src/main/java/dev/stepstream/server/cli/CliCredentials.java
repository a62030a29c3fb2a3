package dev.stepstream.server.cli;

import dev.stepstream.server.api.auth.AccessKey;
import dev.stepstream.server.api.auth.Permission;
import java.util.Map;
import java.util.Optional;

/**
 * The access key the CLI's API calls use against a {@code serve} with authentication on:
 * {@code STEPSTREAM_ACCESS_KEY_ID} and {@code STEPSTREAM_SECRET_ACCESS_KEY} from the environment
 * (not the AWS_* variables, so real AWS credentials are never signed with for a non-AWS endpoint).
 */
final class CliCredentials {
  static final String KEY_ID = "STEPSTREAM_ACCESS_KEY_ID";
  static final String SECRET = "STEPSTREAM_SECRET_ACCESS_KEY";

  private CliCredentials() {}

  static Optional<AccessKey> from(Map<String, String> environment) {
    String id = environment.get(KEY_ID);
    String secret = environment.get(SECRET);
    if (id == null || id.isBlank() || secret == null || secret.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new AccessKey(id.strip(), secret.strip(), Permission.OPERATOR));
  }

  static Optional<AccessKey> fromEnvironment() {
    return from(System.getenv());
  }
}
