package dev.stepstream.server.api.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.server.api.aws.AwsErrors;
import dev.stepstream.server.api.aws.ErrorTable;
import dev.stepstream.wire.KafkaConnection;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.TopicCatalogue;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

/** While Kafka cannot be reached, a write fails within a bounded time as a retryable 503 ServiceUnavailable. */
class UnreachableKafkaTest {

  @Test
  void shouldFailAStartWithServiceUnavailableWithinTheKafkaWaitWhenNoBrokerAnswers() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    long started = System.nanoTime();
    Throwable failure;
    try (Publisher publisher = new Publisher(KafkaConnection.of("127.0.0.1:" + closedPort), TopicCatalogue.load())) {
      CompletableFuture<Void> sent = publisher.sendAsync(new StartExecution(1,
          "arn:aws:states:us-east-1:123456789012:execution:M:e", "arn:aws:states:us-east-1:123456789012:stateMachine:M",
          "e", JsonNodeFactory.instance.objectNode(), 0L));
      try {
        sent.get(Publisher.KAFKA_WAIT.plusSeconds(30).toSeconds(), TimeUnit.SECONDS);
        throw new AssertionError("the write succeeded without a broker");
      } catch (ExecutionException e) {
        failure = e.getCause();
      }
    }
    Duration waited = Duration.ofNanos(System.nanoTime() - started);

    ErrorTable.ErrorResponse answer = ErrorTable.map(failure);
    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.errorName()).isEqualTo(AwsErrors.SERVICE_UNAVAILABLE);
    assertThat(answer.message()).contains("retry the request").doesNotContain("\tat ");
    assertThat(waited).isLessThan(Publisher.KAFKA_WAIT.plusSeconds(20));
  }

  @Test
  void shouldAnswerAKafkaTimeoutAnywhereInTheCauseChainWithServiceUnavailable() {
    ErrorTable.ErrorResponse answer = ErrorTable.map(
        new IllegalStateException("cannot list topics", new ExecutionException(new TimeoutException("timed out"))));

    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.errorName()).isEqualTo("ServiceUnavailable");
  }
}
