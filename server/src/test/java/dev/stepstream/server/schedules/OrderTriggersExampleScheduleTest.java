package dev.stepstream.server.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.processor.schedules.ScheduleSpec;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.wire.ScheduleRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code examples/order-triggers/schedule.json} is a CreateSchedule body the API accepts, firing at 02:00 Lisbon time. */
class OrderTriggersExampleScheduleTest {
  private static final String ARN = "arn:aws:scheduler:us-east-1:123456789012:schedule/default/nightly-orders-cleanup";

  private static ScheduleRecord exampleSchedule() throws IOException {
    String body = Files.readString(Path.of("../examples/order-triggers/schedule.json"));
    return ScheduleRequest.read(AwsJson.parse(body).orElseThrow(), ARN, "nightly-orders-cleanup",
        Instant.parse("2026-12-04T10:00:00Z").toEpochMilli());
  }

  @Test
  void shouldReadTheExampleScheduleAsANightlyCronInLisbon() throws IOException {
    ScheduleRecord schedule = exampleSchedule();

    assertThat(schedule.scheduleExpression()).isEqualTo("cron(0 2 * * ? *)");
    assertThat(schedule.scheduleExpressionTimezone()).isEqualTo("Europe/Lisbon");
    assertThat(schedule.target()).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:CleanupOrders");
    assertThat(schedule.state()).isEqualTo("ENABLED");
  }

  @Test
  void shouldFireAtTwoInTheMorningLisbonTimeInWinterAndInSummer() throws IOException {
    ScheduleSpec spec = ScheduleSpec.of(exampleSchedule());

    assertThat(spec.nextAfter(Instant.parse("2026-12-04T10:00:00Z"))).contains(Instant.parse("2026-12-05T02:00:00Z"));
    assertThat(spec.nextAfter(Instant.parse("2027-07-01T10:00:00Z"))).contains(Instant.parse("2027-07-02T01:00:00Z"));
  }
}
