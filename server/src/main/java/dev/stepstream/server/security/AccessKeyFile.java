package dev.stepstream.server.security;

import dev.stepstream.server.api.auth.AccessKey;
import dev.stepstream.server.api.auth.AccessKeys;
import dev.stepstream.server.api.auth.Permission;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

/**
 * The API's access keys: one per line, {@code <access key id> <secret> [read-only|operator]}
 * (operator when left out); blank lines and lines starting with {@code #} are ignored. Created with
 * one new operator key, readable by its owner only, when it does not exist.
 */
public final class AccessKeyFile {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private AccessKeyFile() {}

  /**
   * The keys in {@code file}; when it does not exist, creates it with one new key and hands that
   * key to {@code created} (to show it once).
   */
  public static AccessKeys loadOrCreate(Path file, Consumer<AccessKey> created) {
    if (!Files.exists(file)) {
      create(file, created);
    }
    return load(file);
  }

  /** The keys in {@code file}; a malformed line is an error naming the file and the line. */
  public static AccessKeys load(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the access keys in " + file + ": " + e.getMessage(), e);
    }
    List<AccessKey> keys = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.isEmpty() && !line.startsWith("#")) {
        keys.add(parse(file, i + 1, line));
      }
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException(file + " holds no access key (expected lines '<access key id> <secret>"
          + " [read-only|operator]')");
    }
    try {
      return new AccessKeys(keys);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /** A new operator key: a 20-character id starting with {@code SSAK} and a 40-character secret. */
  public static AccessKey newKey() {
    StringBuilder id = new StringBuilder("SSAK");
    for (int i = 0; i < 16; i++) {
      id.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
    }
    byte[] secret = new byte[30];
    RANDOM.nextBytes(secret);
    return new AccessKey(id.toString(), Base64.getUrlEncoder().withoutPadding().encodeToString(secret),
        Permission.OPERATOR);
  }

  private static AccessKey parse(Path file, int lineNumber, String line) {
    String[] parts = line.split("\\s+");
    try {
      if (parts.length < 2 || parts.length > 3) {
        throw new IllegalArgumentException("expected '<access key id> <secret> [read-only|operator]'");
      }
      return new AccessKey(parts[0], parts[1], parts.length == 3 ? Permission.parse(parts[2]) : Permission.OPERATOR);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + " line " + lineNumber + ": not an access key: " + e.getMessage(), e);
    }
  }

  private static void create(Path file, Consumer<AccessKey> created) {
    AccessKey key = newKey();
    String text = "# Stepstream API access keys: '<access key id> <secret> [read-only|operator]' (docs/security.md).\n"
        + key.id() + " " + key.secret() + " operator\n";
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".access-keys", ".tmp");
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // left as the file system makes it
      }
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file);
        created.accept(key);
      } catch (FileAlreadyExistsException raced) {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the access keys file " + file + ": " + e.getMessage(), e);
    }
  }
}
