package dev.stepstream.processor.integrations;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code arn:aws:states:::http:invoke} (AWS's HTTP Task): calls the API on a bounded pool, outside
 * any Kafka transaction, and writes no record; the result is the response in AWS's shape
 * ({@link HttpResponses}).
 */
final class HttpInvoke implements Integration, AutoCloseable {
  private final HttpSettings settings;
  private final ExecutorService pool;
  private final HttpClient client;
  private final OAuthTokens tokens;

  HttpInvoke(HttpSettings settings) {
    this.settings = settings;
    AtomicInteger threads = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(settings.threads(), settings.threads(), 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "stepstream-http-" + threads.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    this.client = HttpClient.newBuilder().executor(pool).connectTimeout(settings.timeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    this.tokens = new OAuthTokens(client, settings.timeout(), System::currentTimeMillis);
  }

  @Override
  public Plan plan(Call call) {
    return start(call).join();
  }

  @Override
  public CompletableFuture<Plan> start(Call call) {
    return CompletableFuture
        .supplyAsync(() -> HttpRequests.build(call.request().input(), settings.connections(), tokens::token), pool)
        .thenCompose(this::send)
        .exceptionally(HttpInvoke::failed);
  }

  private CompletableFuture<Plan> send(HttpRequests.HttpCall call) {
    HttpRequest.Builder request = HttpRequest.newBuilder(call.uri()).timeout(settings.timeout())
        .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(call.body()));
    try {
      call.headers().forEach(h -> request.header(h.name(), h.value()));
    } catch (IllegalArgumentException e) {
      // the message names the header, never its value
      throw new IntegrationFailure(HttpRequests.INVALID, "A header of the HTTP request is not allowed: " + e.getMessage());
    }
    String host = call.uri().getHost();
    long timeoutSeconds = settings.timeout().toSeconds();
    return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
        .handle((response, error) -> error == null
            ? outcomePlan(HttpResponses.outcome(response.statusCode(), response.headers().map(), response.body()))
            : outcomePlan(HttpResponses.socket(unwrap(error), host, timeoutSeconds)));
  }

  private static Plan failed(Throwable error) {
    if (unwrap(error) instanceof IntegrationFailure failure) {
      return Plan.failed(failure);
    }
    return outcomePlan(new Outcome.Failed("States.Runtime", "The HTTP Task failed: " + unwrap(error)));
  }

  private static Plan outcomePlan(Outcome outcome) {
    return new Plan(List.of(), written -> outcome);
  }

  private static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
