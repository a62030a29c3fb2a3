package dev.stepstream.server.api;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * {@link ApiCpuProbe}'s load: blocking HTTP/1.1 keep-alive clients on plain sockets, one call at a
 * time each, writing AWS JSON 1.0 requests as the bench's W4 does. Threads are named
 * {@code probe-client-N}, so the probe does not count them as the API's.
 */
final class ProbeClients {
  private final int port;
  private final int threads;

  ProbeClients(int port, int threads) {
    this.port = port;
    this.threads = threads;
  }

  String createMachine() throws IOException {
    String body = "{\"name\":\"Probe" + System.nanoTime() + "\",\"roleArn\":\"arn:aws:iam::123456789012:role/probe\","
        + "\"definition\":\"{\\\"StartAt\\\":\\\"P\\\",\\\"States\\\":{\\\"P\\\":{\\\"Type\\\":\\\"Pass\\\",\\\"End\\\":true}}}\"}";
    try (Socket socket = new Socket("127.0.0.1", port)) {
      Response response = call(socket.getOutputStream(), new BufferedInputStream(socket.getInputStream()),
          request("CreateStateMachine", body));
      if (response.status() != 200) {
        throw new IllegalStateException("CreateStateMachine answered " + response.status() + ": " + response.text());
      }
      String text = response.text();
      int at = text.indexOf("\"stateMachineArn\":\"") + "\"stateMachineArn\":\"".length();
      return text.substring(at, text.indexOf('"', at));
    }
  }

  /**
   * Sends {@code calls} StartExecution calls over all client threads, call {@code i} not before
   * {@code i / perSecond} s from now (an offered rate, so that the API's per-poll and per-wakeup costs
   * are shared by the same number of calls whatever else the machine runs); returns how many answered 200.
   */
  long startExecutions(String machineArn, String namePrefix, int calls, double perSecond, AtomicLong failed)
      throws InterruptedException {
    AtomicLong next = new AtomicLong();
    long start = System.nanoTime();
    AtomicLong ok = new AtomicLong();
    List<Thread> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread thread = new Thread(() -> {
        try (Socket socket = new Socket("127.0.0.1", port)) {
          socket.setTcpNoDelay(true);
          InputStream in = new BufferedInputStream(socket.getInputStream());
          for (long i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
            long due = start + (long) (i * 1e9 / perSecond) - System.nanoTime();
            if (due > 0) {
              LockSupport.parkNanos(due);
            }
            String body = "{\"stateMachineArn\":\"" + machineArn + "\",\"name\":\"" + namePrefix + i
                + "\",\"input\":\"{\\\"order\\\":42}\"}";
            Response response = call(socket.getOutputStream(), in, request("StartExecution", body));
            (response.status() == 200 ? ok : failed).incrementAndGet();
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }, "probe-client-" + t);
      thread.start();
      running.add(thread);
    }
    for (Thread thread : running) {
      thread.join();
    }
    return ok.get();
  }

  private byte[] request(String operation, String body) {
    byte[] json = body.getBytes(StandardCharsets.UTF_8);
    String head = String.format(Locale.ROOT, "POST / HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n"
        + "Content-Type: application/x-amz-json-1.0\r\nX-Amz-Target: AWSStepFunctions.%s\r\n"
        + "Content-Length: %d\r\n\r\n", port, operation, json.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(json);
    return out.toByteArray();
  }

  record Response(int status, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** Writes one request and reads its response (framed by Content-Length). */
  private static Response call(OutputStream out, InputStream in, byte[] request) throws IOException {
    out.write(request);
    out.flush();
    String head = readHead(in);
    int status = Integer.parseInt(head.substring(9, 12));
    int length = -1;
    for (String line : head.split("\r\n")) {
      if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    if (length < 0) {
      throw new IOException("a response without Content-Length: " + head);
    }
    return new Response(status, in.readNBytes(length));
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream(256);
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the connection closed");
      }
      head.write(b);
      matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
          ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }
}
