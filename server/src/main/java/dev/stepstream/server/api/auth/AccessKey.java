package dev.stepstream.server.api.auth;

/**
 * One API credential: an access key id, its secret access key and what it may do.
 *
 * @param id the access key id, as in {@code Credential=<id>/...} of a SigV4 signature
 * @param secret the secret access key (the SigV4 signing secret and the bearer's second half)
 */
public record AccessKey(String id, String secret, Permission permission) {
  public AccessKey {
    if (id == null || id.isBlank() || id.contains(":") || id.contains("/")) {
      throw new IllegalArgumentException("an access key id must be non-blank, without ':' or '/': '" + id + "'");
    }
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("the secret of access key '" + id + "' is blank");
    }
  }

  @Override
  public String toString() {
    return "AccessKey[" + id + ", " + permission + "]";
  }
}
