package dev.stepstream.worker.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a process stream to its end, keeping at most {@code limit} bytes: the first ones (stdout,
 * where the result is) or the last ones (stderr, where the final error message is).
 */
final class StreamCapture {
  private final int limit;
  private final boolean keepTail;
  private byte[] kept = new byte[0];
  private long total;

  private StreamCapture(int limit, boolean keepTail) {
    this.limit = limit;
    this.keepTail = keepTail;
  }

  static StreamCapture head(int limit) {
    return new StreamCapture(limit, false);
  }

  static StreamCapture tail(int limit) {
    return new StreamCapture(limit, true);
  }

  /** Reads {@code in} until it ends; returns this capture. */
  StreamCapture readAll(InputStream in) throws IOException {
    ByteArrayOutputStream window = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    int n;
    while ((n = in.read(chunk)) >= 0) {
      total += n;
      if (keepTail) {
        window.write(chunk, 0, n);
        if (window.size() > 2 * limit) {
          byte[] last = Arrays.copyOfRange(window.toByteArray(), window.size() - limit, window.size());
          window.reset();
          window.write(last);
        }
      } else if (window.size() < limit) {
        window.write(chunk, 0, Math.min(n, limit - window.size()));
      }
    }
    byte[] all = window.toByteArray();
    kept = all.length > limit ? Arrays.copyOfRange(all, all.length - limit, all.length) : all;
    return this;
  }

  /** True when the stream had more bytes than were kept. */
  boolean truncated() {
    return total > kept.length;
  }

  long totalBytes() {
    return total;
  }

  String text() {
    String text = new String(kept, StandardCharsets.UTF_8);
    // A tail may start inside a multi-byte character; drop the replacement character that leaves.
    return keepTail && truncated() && text.startsWith("\uFFFD") ? text.substring(1) : text;
  }
}
