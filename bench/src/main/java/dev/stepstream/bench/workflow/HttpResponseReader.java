package dev.stepstream.bench.workflow;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Collects the bytes of one HTTP/1.1 response and tells when it is complete: the status line, the
 * headers, then a body framed by Content-Length or chunked transfer coding. Responses are small, so
 * each new read re-parses from the start instead of keeping parser state.
 */
final class HttpResponseReader {
  /** A complete response; {@code close} when the server said it will close the connection. */
  record Response(int status, byte[] body, boolean close) {}

  private byte[] data = new byte[512];
  private int length;

  void append(ByteBuffer bytes) {
    int more = bytes.remaining();
    if (length + more > data.length) {
      data = Arrays.copyOf(data, Math.max(data.length * 2, length + more));
    }
    bytes.get(data, length, more);
    length += more;
  }

  void reset() {
    length = 0;
  }

  /** The response when all of it has arrived, otherwise null. */
  Response complete() {
    int headersEnd = indexOf(CRLF_CRLF, 0);
    if (headersEnd < 0) {
      return null;
    }
    String head = new String(data, 0, headersEnd, StandardCharsets.ISO_8859_1);
    int bodyStart = headersEnd + CRLF_CRLF.length;
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ", 3)[1]);
    long contentLength = 0;
    boolean chunked = false;
    boolean close = false;
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = lines[i].substring(colon + 1).trim().toLowerCase(Locale.ROOT);
      if (name.equals("content-length")) {
        contentLength = Long.parseLong(value);
      } else if (name.equals("transfer-encoding")) {
        chunked = value.contains("chunked");
      } else if (name.equals("connection")) {
        close = value.contains("close");
      }
    }
    byte[] body = chunked ? chunkedBody(bodyStart) : fixedBody(bodyStart, contentLength);
    return body == null ? null : new Response(status, body, close);
  }

  private byte[] fixedBody(int start, long contentLength) {
    if (length - start < contentLength) {
      return null;
    }
    return Arrays.copyOfRange(data, start, start + (int) contentLength);
  }

  private byte[] chunkedBody(int start) {
    byte[] body = new byte[0];
    int at = start;
    while (true) {
      int sizeEnd = indexOf(CRLF, at);
      if (sizeEnd < 0) {
        return null;
      }
      String sizeText = new String(data, at, sizeEnd - at, StandardCharsets.ISO_8859_1).split(";", 2)[0].trim();
      int size = Integer.parseInt(sizeText, 16);
      int chunkStart = sizeEnd + CRLF.length;
      if (size == 0) {
        return indexOf(CRLF_CRLF, sizeEnd) >= 0 ? body : null;
      }
      if (length < chunkStart + size + CRLF.length) {
        return null;
      }
      int old = body.length;
      body = Arrays.copyOf(body, old + size);
      System.arraycopy(data, chunkStart, body, old, size);
      at = chunkStart + size + CRLF.length;
    }
  }

  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] CRLF_CRLF = {'\r', '\n', '\r', '\n'};

  private int indexOf(byte[] pattern, int from) {
    outer:
    for (int i = from; i <= length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
