package dev.stepstream.server.api.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepstream.server.api.aws.AwsException;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.server.api.aws.RequestFields;
import org.junit.jupiter.api.Test;

class TraceHeadersTest {
  private static final String XRAY = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

  @Test
  void shouldPassOnTheGivenHeaderAsItIs() {
    assertThat(TraceHeaders.of(new RequestFields(AwsJson.object().put("traceHeader", XRAY)))).isEqualTo(XRAY);
  }

  @Test
  void shouldLeaveAStartWithoutHeaderToTheProcessorsGeneratedTrace() {
    assertThat(TraceHeaders.of(new RequestFields(AwsJson.object()))).isNull();
    assertThat(TraceHeaders.of(new RequestFields(AwsJson.object().put("traceHeader", "")))).isNull();
  }

  @Test
  void shouldRefuseAHeaderLongerThan256Characters() {
    RequestFields request = new RequestFields(AwsJson.object().put("traceHeader", "x".repeat(257)));

    assertThatThrownBy(() -> TraceHeaders.of(request)).isInstanceOf(AwsException.class)
        .hasMessageContaining("traceHeader");
  }

  @Test
  void shouldRefuseANonAsciiHeader() {
    RequestFields request = new RequestFields(AwsJson.object().put("traceHeader", "Root=é"));

    assertThatThrownBy(() -> TraceHeaders.of(request)).isInstanceOf(AwsException.class)
        .hasMessageContaining("\\p{ASCII}*");
  }
}
