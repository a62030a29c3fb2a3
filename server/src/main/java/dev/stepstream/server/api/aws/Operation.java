package dev.stepstream.server.api.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/** One AWS Step Functions operation: request body in, response body out (or an {@link AwsException}). */
@FunctionalInterface
public interface Operation {
  JsonNode handle(RequestFields request);

  /**
   * The response without holding the caller's thread while the operation waits. Failures may be
   * thrown here (validation) or arrive in the future; both are answered alike. By default the
   * operation runs here and now.
   */
  default CompletableFuture<JsonNode> handleAsync(RequestFields request) {
    return CompletableFuture.completedFuture(handle(request));
  }

  /** An operation that waits without a thread; {@link #handle} blocks on it for callers that need a value now. */
  static Operation async(Function<RequestFields, CompletableFuture<JsonNode>> operation) {
    return new Operation() {
      @Override
      public JsonNode handle(RequestFields request) {
        try {
          return operation.apply(request).join();
        } catch (CompletionException e) {
          throw rethrowable(e.getCause());
        }
      }

      @Override
      public CompletableFuture<JsonNode> handleAsync(RequestFields request) {
        return operation.apply(request);
      }
    };
  }

  /** The failure a future carried, unwrapped from the {@link CompletionException} that futures add. */
  static Throwable cause(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
  }

  private static RuntimeException rethrowable(Throwable cause) {
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    return new CompletionException(cause);
  }
}
