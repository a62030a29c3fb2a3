package dev.stepstream.server.security;

import dev.stepstream.wire.TaskTokenKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file that holds a deployment's task token keys: one key per line, {@code <id> <base64 secret>},
 * the signing key first; blank lines and lines starting with {@code #} are ignored. It is created
 * with one new key (readable by its owner only) when it does not exist. Every instance of a
 * deployment must read the same file (docs/security.md describes rotation).
 */
public final class TokenKeyFile {
  private static final Logger LOG = LoggerFactory.getLogger(TokenKeyFile.class);

  private TokenKeyFile() {}

  /** The keys in {@code file}, creating it with one new key first if it does not exist. */
  public static TaskTokenKeys loadOrCreate(Path file) {
    if (!Files.exists(file)) {
      create(file);
    }
    return load(file);
  }

  /** The keys in {@code file}; a malformed line is an error that names the file and the line. */
  public static TaskTokenKeys load(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the task token keys in " + file + ": " + e.getMessage(), e);
    }
    List<TaskTokenKeys.Key> keys = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.isEmpty() && !line.startsWith("#")) {
        keys.add(parse(file, i + 1, line));
      }
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException(file + " holds no task token key (expected lines '<id> <base64 secret>')");
    }
    return new TaskTokenKeys(keys);
  }

  /** The line for {@code key} in the file's format. */
  public static String line(TaskTokenKeys.Key key) {
    return key.id() + " " + Base64.getEncoder().encodeToString(key.secret());
  }

  private static TaskTokenKeys.Key parse(Path file, int lineNumber, String line) {
    String[] parts = line.split("\\s+");
    try {
      if (parts.length != 2) {
        throw new IllegalArgumentException("expected '<id> <base64 secret>'");
      }
      return new TaskTokenKeys.Key(parts[0], Base64.getDecoder().decode(parts[1]));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + " line " + lineNumber + ": not a task token key: " + e.getMessage(), e);
    }
  }

  private static void create(Path file) {
    TaskTokenKeys.Key key = TaskTokenKeys.newKey();
    String text = "# Stepstream task token keys: '<id> <base64 secret>', the signing key first (docs/security.md).\n"
        + line(key) + "\n";
    try {
      Path dir = file.toAbsolutePath().getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      Path tmp = Files.createTempFile(dir, ".token-keys", ".tmp");
      restrictToOwner(tmp);
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file);
        LOG.info("Created task token key '{}' in {}", key.id(), file);
      } catch (FileAlreadyExistsException raced) {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the task token keys file " + file + ": " + e.getMessage(), e);
    }
  }

  private static void restrictToOwner(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      LOG.debug("{} is not on a POSIX file system; its permissions are left as they are", file);
    }
  }
}
