package dev.stepstream.processor.integrations;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Amazon S3 names mapped to a directory: bucket {@code b} is {@code <root>/b/}, key {@code k} the file
 * {@code <root>/b/k}. Names that would leave the root ({@code ..}, absolute keys) are refused.
 */
public final class ObjectStore {
  private final Path root;

  public ObjectStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** The file of an object; fails when the bucket or key is empty or leaves the root. */
  public Path file(String bucket, String key) {
    Path dir = bucket(bucket);
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("The object key is empty.");
    }
    Path file = dir.resolve(key).normalize();
    if (!file.startsWith(dir) || file.equals(dir)) {
      throw new IllegalArgumentException("The key '" + key + "' leaves the bucket '" + bucket + "'.");
    }
    return file;
  }

  private Path bucket(String bucket) {
    if (bucket == null || bucket.isEmpty() || bucket.contains("/") || bucket.contains("\\") || bucket.startsWith(".")) {
      throw new IllegalArgumentException("The bucket name '" + bucket + "' is not valid.");
    }
    return root.resolve(bucket);
  }

  public byte[] read(String bucket, String key) throws IOException {
    return Files.readAllBytes(file(bucket, key));
  }

  /** Writes through a temporary file and an atomic rename: a repeated write replaces the object whole. */
  public long write(String bucket, String key, byte[] bytes) {
    Path file = file(bucket, key);
    try {
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), ".part-", ".tmp");
      Files.write(temp, bytes);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return bytes.length;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * ListObjectsV2's {@code Contents}, in key order: {@code Key}, {@code LastModified} (epoch seconds, as AWS's ItemReader example shows),
   * {@code Etag} (the MD5 in quotes, as S3 gives it for a single-part upload), {@code Size},
   * {@code StorageClass} {@code STANDARD}. Directories are not objects; temporary files are skipped.
   */
  public ArrayNode list(String bucket, String prefix) throws IOException {
    ArrayNode contents = JsonNodeFactory.instance.arrayNode();
    for (String key : keys(bucket, prefix)) {
      contents.add(describe(bucket, key));
    }
    return contents;
  }

  /** The keys of a bucket under {@code prefix} (null: all), in key order. */
  public List<String> keys(String bucket, String prefix) throws IOException {
    Path dir = bucket(bucket);
    if (!Files.isDirectory(dir)) {
      throw new IOException("The bucket '" + bucket + "' does not exist.");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".part-"))
          .sorted().toList();
    }
    List<String> keys = new ArrayList<>();
    for (Path p : files) {
      String key = dir.relativize(p).toString().replace('\\', '/');
      if (prefix == null || key.startsWith(prefix)) {
        keys.add(key);
      }
    }
    return keys;
  }

  /** One object as ListObjectsV2 lists it. */
  public ObjectNode describe(String bucket, String key) throws IOException {
    Path p = file(bucket, key);
    byte[] bytes = Files.readAllBytes(p);
    return JsonNodeFactory.instance.objectNode()
        .put("Etag", "\"" + md5(bytes) + "\"")
        .put("Key", key)
        .put("LastModified", Files.getLastModifiedTime(p).toInstant().getEpochSecond())
        .put("Size", bytes.length)
        .put("StorageClass", "STANDARD");
  }

  private static String md5(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

}
