package dev.stepstream.server.dev;

import dev.stepstream.wire.ExecutionSummary;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Something {@code stepstream dev} runs next to the engine, such as an example's state machine and
 * its workers. Dev finds extensions with {@link ServiceLoader} (a
 * {@code META-INF/services/dev.stepstream.server.dev.DevExtension} file in the extension's jar) and
 * starts each once the broker, the topics and the engine run; the server itself ships none.
 */
public interface DevExtension {

  /** Starts the extension. Dev closes what this returns, in reverse start order, when it stops. */
  Started start(DevContext context);

  /** The extensions on the class path, in class path order. */
  static List<DevExtension> installed() {
    return ServiceLoader.load(DevExtension.class).stream().map(ServiceLoader.Provider::get).toList();
  }

  /** A running extension; closing it stops what it started. */
  interface Started extends AutoCloseable {

    /** Lines for dev's ready report, shown after the engine's. */
    default List<Row> report() {
      return List.of();
    }

    /** The sample execution dev runs once at start (unless {@code --no-sample}); empty if there is none. */
    default Optional<Sample> sample() {
      return Optional.empty();
    }

    @Override
    default void close() {}
  }

  /** One line of the ready report, for example {@code Example  arn:aws:states:...}. */
  record Row(String label, String text) {}

  /** A sample execution. */
  @FunctionalInterface
  interface Sample {
    /** Starts the execution and waits for it to finish; empty if it did not finish within {@code timeout}. */
    Optional<ExecutionSummary> run(Duration timeout);
  }
}
