package dev.stepstream.server.api.aws;

import io.javalin.http.Context;
import io.javalin.http.servlet.MaxRequestSize;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Request and response bodies of {@code POST /} without Javalin's stream copies. Javalin reads a body
 * through a fresh 8 KiB buffer into a growing array, and writes a result through another 8 KiB
 * buffer: about 16 KiB of garbage per call whose bodies are a few hundred bytes (W4 in
 * docs/performance.md). Here a body of known length is read into an array of that length, and a
 * response is written from its bytes as they are.
 */
public final class HttpBodies {
  private static final Logger LOG = LoggerFactory.getLogger(HttpBodies.class);
  private static final String BODY = HttpBodies.class.getName() + ".body";

  private HttpBodies() {}

  /**
   * The request body, read once (the signature check and the endpoint share it). A body without a
   * Content-Length, or longer than the API's limit, goes through Javalin, which refuses the latter
   * with HTTP 413.
   */
  public static byte[] read(Context ctx) {
    byte[] read = ctx.attribute(BODY);
    if (read != null) {
      return read;
    }
    long length = ctx.req().getContentLengthLong();
    Long max = ctx.appData(MaxRequestSize.INSTANCE.getMaxRequestSizeKey());
    if (length < 0 || max != null && length > max) {
      read = ctx.bodyAsBytes();
    } else {
      try {
        read = ctx.req().getInputStream().readNBytes((int) length);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the request body", e);
      }
    }
    ctx.attribute(BODY, read);
    return read;
  }

  /** Answers with {@code body} as it is; a client that went away is only logged. */
  public static void write(Context ctx, int status, String contentType, byte[] body) {
    ctx.status(status).contentType(contentType);
    ctx.res().setContentLength(body.length);
    try {
      ctx.res().getOutputStream().write(body);
    } catch (IOException e) {
      LOG.debug("Could not write a response: {}", e.toString());
    }
  }
}
