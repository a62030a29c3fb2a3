package dev.stepstream.server.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.server.api.aws.AwsException;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.wire.ScheduleRecord;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScheduleRequestTest {
  private static final String ARN = "arn:aws:scheduler:us-east-1:123456789012:schedule/default/s";
  private static final String MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:M";
  private static final long NOW = Instant.parse("2026-12-04T10:00:00Z").toEpochMilli();

  private static ScheduleRecord read(String json) {
    return ScheduleRequest.read(AwsJson.parse(json).orElseThrow(), ARN, "s", NOW);
  }

  private static String withTarget(String members) {
    return "{\"ScheduleExpression\":\"rate(1 hour)\",\"Target\":{\"Arn\":\"" + MACHINE + "\"}" + members + "}";
  }

  @Test
  void shouldReadACreateScheduleBodyWithAwsMemberNames() {
    ScheduleRecord s = read("{\"ScheduleExpression\":\"cron(0 2 * * ? *)\",\"ScheduleExpressionTimezone\":\"Europe/Lisbon\","
        + "\"FlexibleTimeWindow\":{\"Mode\":\"FLEXIBLE\",\"MaximumWindowInMinutes\":15},\"StartDate\":1767225600,"
        + "\"EndDate\":\"2027-06-01T00:00:00Z\",\"State\":\"DISABLED\",\"MissedFirings\":\"SKIP\","
        + "\"Target\":{\"Arn\":\"" + MACHINE + "\",\"RoleArn\":\"arn:aws:iam::123456789012:role/r\","
        + "\"Input\":\"{\\\"at\\\":\\\"<aws.scheduler.scheduled-time>\\\"}\"}}");

    assertThat(s.scheduleExpression()).isEqualTo("cron(0 2 * * ? *)");
    assertThat(s.scheduleExpressionTimezone()).isEqualTo("Europe/Lisbon");
    assertThat(s.flexibleTimeWindowMode()).isEqualTo("FLEXIBLE");
    assertThat(s.maximumWindowInMinutes()).isEqualTo(15);
    assertThat(s.startDate()).isEqualTo(1_767_225_600_000L);
    assertThat(s.endDate()).isEqualTo(Instant.parse("2027-06-01T00:00:00Z").toEpochMilli());
    assertThat(s.state()).isEqualTo("DISABLED");
    assertThat(s.missedFirings()).isEqualTo("SKIP");
    assertThat(s.input()).isEqualTo("{\"at\":\"<aws.scheduler.scheduled-time>\"}");
    assertThat(s.createdAt()).isEqualTo(NOW);
  }

  @Test
  void shouldDefaultToAnEnabledScheduleWithoutWindowThatFiresTheLatestMissedFiring() {
    ScheduleRecord s = read(withTarget(""));

    assertThat(s.flexibleTimeWindowMode()).isEqualTo("OFF");
    assertThat(s.state()).isEqualTo("ENABLED");
    assertThat(s.missedFirings()).isEqualTo("FIRE_LATEST");
    assertThat(s.input()).isNull();
  }

  @Test
  void shouldNameTheMemberInEveryError() {
    assertThatThrownBy(() -> read("{\"Target\":{\"Arn\":\"" + MACHINE + "\"}}"))
        .isInstanceOf(AwsException.class).hasMessage("ScheduleExpression: is required");
    assertThatThrownBy(() -> read("{\"ScheduleExpression\":\"rate(1 hour)\"}"))
        .hasMessageStartingWith("Target: is required");
    assertThatThrownBy(() -> read("{\"ScheduleExpression\":\"rate(1 hour)\",\"Target\":{}}"))
        .hasMessage("Target.Arn: is required");
    assertThatThrownBy(() -> read(withTarget(",\"FlexibleTimeWindow\":{\"Mode\":\"FLEXIBLE\"}")))
        .hasMessage("FlexibleTimeWindow.MaximumWindowInMinutes: is required when Mode is FLEXIBLE");
    assertThatThrownBy(() -> read(withTarget(",\"FlexibleTimeWindow\":{\"Mode\":\"SOMETIMES\"}")))
        .hasMessage("FlexibleTimeWindow.Mode: must be one of FLEXIBLE, OFF, not 'SOMETIMES'");
    assertThatThrownBy(() -> read(withTarget(",\"State\":\"PAUSED\"")))
        .hasMessage("State: must be one of DISABLED, ENABLED, not 'PAUSED'");
    assertThatThrownBy(() -> read(withTarget(",\"StartDate\":\"tomorrow\"")))
        .hasMessageStartingWith("StartDate: must be epoch seconds or an ISO-8601 instant");
  }

  @Test
  void shouldRefuseAnInputThatIsNotJson() {
    JsonNode body = AwsJson.parse("{\"ScheduleExpression\":\"rate(1 hour)\",\"Target\":{\"Arn\":\"" + MACHINE
        + "\",\"Input\":\"{at: <aws.scheduler.scheduled-time>}\"}}").orElseThrow();

    assertThatThrownBy(() -> ScheduleRequest.read(body, ARN, "s", NOW))
        .hasMessage("Target.Input: is not JSON (after substituting the <aws.scheduler.*> attributes)");
  }
}
