package dev.stepstream.dist.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Open SSE consoles against one instance: N connections to one execution's event stream, each
 * read like a browser's EventSource would. For each step it measures how late history events
 * reach the connections (receive time minus the event's timestamp, over 4 s) and whether the
 * AWS API still answers, so the harness can stop where latency or the API gives way.
 */
final class SseLoad implements AutoCloseable {
  private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\"\\s*:\\s*([0-9.Ee+]+)");
  private static final long WINDOW_MILLIS = 4_000;

  /** One step: how many consoles were open, how many streamed, event lag percentiles, DescribeExecution time. */
  record Step(int open, int streaming, long events, long p50, long p99, long max, long describeMillis) {
    /** Every console streams, the API answers, and events arrive within 1 s (p99). */
    boolean healthy() {
      return serving() && p99 < 1_000;
    }

    /** Every console streams and the API still answers (however late). */
    boolean serving() {
      return streaming == open && describeMillis >= 0 && events > 0 && p99 < 10_000;
    }

    @Override
    public String toString() {
      return String.format("%d SSE consoles open, %d streaming: %d events received in 4 s, lag p50 %d ms, p99 %d ms,"
          + " max %d ms; DescribeExecution %s", open, streaming, events, p50, p99, max,
          describeMillis < 0 ? "did not answer within 5 s" : describeMillis + " ms");
    }
  }

  private final String url;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final HttpClient client;
  private final List<Lines> connections = new ArrayList<>();
  private final ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
  private volatile long windowStart = Long.MAX_VALUE;

  SseLoad(String url) {
    this.url = url;
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor).build();
  }

  Step openUpTo(int target, LongSupplier describeMillis) throws InterruptedException {
    while (connections.size() < target) {
      Lines lines = new Lines();
      connections.add(lines);
      client.sendAsync(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET().build(),
          HttpResponse.BodyHandlers.fromLineSubscriber(lines));
    }
    for (int i = 0; i < 100 && streaming() < target; i++) {
      Thread.sleep(100);
    }
    lags.clear();
    windowStart = System.currentTimeMillis();
    Thread.sleep(WINDOW_MILLIS);
    windowStart = Long.MAX_VALUE;
    long describe = describeMillis.getAsLong();
    List<Long> sorted = new ArrayList<>(lags);
    sorted.sort(null);
    return new Step(target, streaming(), sorted.size(), percentile(sorted, 0.5), percentile(sorted, 0.99),
        sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1), describe);
  }

  private int streaming() {
    return (int) connections.stream().filter(c -> c.received).count();
  }

  private static long percentile(List<Long> sorted, double p) {
    return sorted.isEmpty() ? -1 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
  }

  @Override
  public void close() {
    connections.forEach(Lines::cancel);
    executor.shutdownNow();
  }

  /** One console: reads the stream's lines and times the history events of the window. */
  private final class Lines implements Flow.Subscriber<String> {
    private volatile Flow.Subscription subscription;
    private volatile boolean received;

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
      if (!line.startsWith("data:")) {
        return;
      }
      received = true;
      long now = System.currentTimeMillis();
      Matcher m = TIMESTAMP.matcher(line);
      if (now >= windowStart && m.find()) {
        long at = Math.round(Double.parseDouble(m.group(1)) * 1000);
        if (at >= windowStart) {
          lags.add(now - at);
        }
      }
    }

    @Override
    public void onError(Throwable t) {
    }

    @Override
    public void onComplete() {
    }

    void cancel() {
      if (subscription != null) {
        subscription.cancel();
      }
    }
  }
}
