package dev.stepstream.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.server.api.aws.AwsJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NobodyReadsTest {
  private static final long SECOND = 1_000_000_000L;
  private final StringWriter err = new StringWriter();
  private final AtomicInteger calls = new AtomicInteger();

  private NobodyReads answering(String readersJson) {
    JsonNode answer = AwsJson.parse("{\"status\":\"RUNNING\",\"tasks\":[{\"taskName\":\"Shout\","
        + "\"topic\":\"stepstream.tasks.Shout\",\"readers\":" + readersJson + "}]}").orElseThrow();
    return new NobodyReads(arn -> {
      calls.incrementAndGet();
      return answer;
    }, new PrintWriter(err), 0);
  }

  @Test
  void shouldSayOnceAfterTheGracePeriodThatNoWorkerReadsTheTopic() {
    NobodyReads nobody = answering("[]");

    nobody.check("arn", 2 * SECOND);
    assertThat(calls).as("not asked within the grace period").hasValue(0);
    nobody.check("arn", 3 * SECOND);
    nobody.check("arn", 6 * SECOND);

    assertThat(err.toString()).isEqualTo("no worker reads stepstream.tasks.Shout" + System.lineSeparator());
    assertThat(calls).hasValue(2);
  }

  @Test
  void shouldStayQuietWhileAGroupReadsTheTopicOrKafkaDoesNotAnswer() {
    answering("[\"workers-Shout\"]").check("arn", 5 * SECOND);
    answering("null").check("arn", 5 * SECOND);

    assertThat(err.toString()).isEmpty();
  }

  @Test
  void shouldIgnoreAFailedCheck() {
    NobodyReads nobody = new NobodyReads(arn -> {
      throw new IllegalStateException("older server");
    }, new PrintWriter(err), 0);

    nobody.check("arn", 5 * SECOND);

    assertThat(err.toString()).isEmpty();
  }
}
