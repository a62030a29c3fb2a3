package dev.stepstream.processor;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local state directory's failures: an unwritable directory is refused before the processor
 * starts, and a failure to write state while running (disk full, read-only file system, permissions)
 * stops the instance instead of replacing its stream thread in a loop. Nothing is lost either way:
 * the failed work was never committed, so it is redone from Kafka after a restart.
 */
final class StateStorage {
  private static final Logger LOG = LoggerFactory.getLogger(StateStorage.class);
  private static final String WHAT_TO_DO = "Free disk space or fix its permissions (or point --state-dir/--data-dir"
      + " elsewhere), then start again; work that was not committed is redone from Kafka, nothing is lost.";

  private StateStorage() {
  }

  /** Creates {@code dir} if needed and proves a file can be written in it; else a clear error. */
  static void requireWritable(Path dir) {
    try {
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
      Files.write(probe, new byte[] {1});
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      throw new IllegalStateException("The state directory " + dir.toAbsolutePath() + " is not writable ("
          + describe(e) + "). " + WHAT_TO_DO, e);
    }
  }

  /** Whether a stream thread's failure is the local state's storage failing (not a bug, not Kafka). */
  static boolean isStorageFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ProcessorStateException || t instanceof FileSystemException
          || t.getClass().getName().equals("org.rocksdb.RocksDBException")) {
        return true;
      }
      String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
      if (message.contains("no space left") || message.contains("read-only file system")
          || message.contains("permission denied")) {
        return true;
      }
    }
    return false;
  }

  /** Logs the stop of an instance whose state directory failed, saying where and what to do. */
  static void logStop(Path dir, Throwable failure) {
    LOG.error("Cannot write the processor's local state in {} ({}). Stopping this instance. {}",
        dir.toAbsolutePath(), describe(failure), WHAT_TO_DO, failure);
  }

  private static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }
}
